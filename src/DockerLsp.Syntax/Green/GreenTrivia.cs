using System.Text;

namespace DockerLsp.Syntax.Green;

/// <summary>A piece of trivia: its kind and exact text. Immutable and shareable.</summary>
internal sealed class GreenTrivia : GreenNode
{
    public GreenTrivia(SyntaxKind kind, string text) : base(kind, text.Length, GreenFlags.None, null)
    {
        Text = text;
    }

    public string Text { get; }
    public override bool IsTrivia => true;
    public override int SlotCount => 0;
    public override GreenNode GetSlot(int index) => throw new ArgumentOutOfRangeException(nameof(index));
    public override int LeadingTriviaWidth => 0;
    public override int TrailingTriviaWidth => 0;
    public override void WriteTo(StringBuilder builder) => builder.Append(Text);
}
