using System.Text;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Green;

/// <summary>
/// A token: raw <see cref="Text"/> exactly as in the file (it may contain an embedded line continuation when a word is
/// split across lines), the <see cref="ValueText"/> BuildKit sees (continuations removed; decoded for JSON strings),
/// and its leading and trailing trivia.
/// </summary>
internal sealed class GreenToken : GreenNode
{
    private static readonly GreenTrivia[] s_none = [];

    public GreenToken(SyntaxKind kind, string text, string? valueText, GreenTrivia[]? leading, GreenTrivia[]? trailing,
        GreenFlags flags = GreenFlags.None, SyntaxDiagnosticInfo[]? diagnostics = null)
        : this(kind, text, valueText, leading ?? s_none, trailing ?? s_none, Width(leading), Width(trailing), flags, diagnostics)
    {
    }

    private GreenToken(SyntaxKind kind, string text, string? valueText, GreenTrivia[] leading, GreenTrivia[] trailing,
        int leadingWidth, int trailingWidth, GreenFlags flags, SyntaxDiagnosticInfo[]? diagnostics)
        : base(kind, text.Length + leadingWidth + trailingWidth, flags, diagnostics)
    {
        Text = text;
        _valueText = valueText is not null && valueText != text ? valueText : null;
        Leading = leading;
        Trailing = trailing;
        LeadingWidth = leadingWidth;
    }

    private readonly string? _valueText;

    public static GreenToken Missing(SyntaxKind kind) => new(kind, string.Empty, null, null, null, GreenFlags.IsMissing);

    public string Text { get; }
    public string ValueText => _valueText ?? Text;
    public GreenTrivia[] Leading { get; }
    public GreenTrivia[] Trailing { get; }
    public int LeadingWidth { get; }
    public int TrailingWidth => FullWidth - LeadingWidth - Text.Length;
    public override bool IsToken => true;
    public override int SlotCount => 0;
    public override GreenNode GetSlot(int index) => throw new ArgumentOutOfRangeException(nameof(index));
    public override int LeadingTriviaWidth => LeadingWidth;
    public override int TrailingTriviaWidth => TrailingWidth;

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var trivia in Leading) builder.Append(trivia.Text);
        builder.Append(Text);
        foreach (var trivia in Trailing) builder.Append(trivia.Text);
    }

    private static int Width(GreenTrivia[]? trivia)
    {
        if (trivia is null) return 0;
        var width = 0;
        foreach (var piece in trivia) width += piece.FullWidth;
        return width;
    }
}
