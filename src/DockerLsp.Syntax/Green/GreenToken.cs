using System.Text;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Green;

/// <summary>
/// A token: raw <see cref="Text"/> exactly as in the file (it may contain an embedded line continuation when a word is
/// split across lines), the <see cref="ValueText"/> BuildKit sees (continuations removed; decoded for JSON strings),
/// and its leading and trailing trivia. Tokens are the most numerous objects of a tree, so the plain token holds only
/// what almost every token needs; the rare token whose value differs from its text, or that carries diagnostics (the
/// end-of-file token), is a <see cref="GreenTokenWithDetails"/>. Always made through <see cref="Create"/>.
/// </summary>
internal class GreenToken : GreenNode
{
    private static readonly GreenTrivia[] s_none = [];

    /// <summary>A token; the returned instance stores a value text or diagnostics only when there are any.</summary>
    public static GreenToken Create(SyntaxKind kind, string text, string? valueText, GreenTrivia[]? leading, GreenTrivia[]? trailing,
        GreenFlags flags = GreenFlags.None, SyntaxDiagnosticInfo[]? diagnostics = null)
    {
        var leadingWidth = Width(leading);
        var trailingWidth = Width(trailing);
        var hasValue = valueText is not null && !string.Equals(valueText, text, StringComparison.Ordinal);
        return hasValue || diagnostics is not null
            ? new GreenTokenWithDetails(kind, text, hasValue ? valueText : null, leading ?? s_none, trailing ?? s_none, leadingWidth, trailingWidth, flags, diagnostics)
            : new GreenToken(kind, text, leading ?? s_none, trailing ?? s_none, leadingWidth, trailingWidth, flags, null);
    }

    protected GreenToken(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing,
        int leadingWidth, int trailingWidth, GreenFlags flags, SyntaxDiagnosticInfo[]? diagnostics)
        : base(kind, text.Length + leadingWidth + trailingWidth, flags, diagnostics)
    {
        Text = text;
        Leading = leading;
        Trailing = trailing;
        LeadingWidth = leadingWidth;
    }

    public static GreenToken Missing(SyntaxKind kind) => Create(kind, string.Empty, null, null, null, GreenFlags.IsMissing);

    public string Text { get; }
    public virtual string ValueText => Text;
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

/// <summary>A token whose value text differs from its text, or that carries diagnostics (see <see cref="GreenToken"/>).</summary>
internal sealed class GreenTokenWithDetails : GreenToken
{
    private readonly string? _valueText;
    private readonly SyntaxDiagnosticInfo[]? _diagnostics;

    public GreenTokenWithDetails(SyntaxKind kind, string text, string? valueText, GreenTrivia[] leading, GreenTrivia[] trailing,
        int leadingWidth, int trailingWidth, GreenFlags flags, SyntaxDiagnosticInfo[]? diagnostics)
        : base(kind, text, leading, trailing, leadingWidth, trailingWidth, flags, diagnostics)
    {
        _valueText = valueText;
        _diagnostics = diagnostics;
    }

    public override string ValueText => _valueText ?? Text;
    public override SyntaxDiagnosticInfo[]? Diagnostics => _diagnostics;
}
