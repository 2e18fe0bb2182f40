using System.Text;
using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax;

/// <summary>
/// Base of every instruction node. Children, in order: the keyword token, flag nodes, the instruction's arguments
/// (shape depends on the instruction), then heredoc nodes. The node's full span covers preceding comment and blank
/// lines (as leading trivia), continuation lines, comment lines inside them, heredoc bodies and the final line break.
/// </summary>
public abstract class InstructionSyntax : SyntaxNode
{
    internal InstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken Keyword => GetToken(SyntaxKind.KeywordToken);

    /// <summary>The keyword upper-cased (<c>RUN</c>), or as written for unknown instructions.</summary>
    public string KeywordText => Kind == SyntaxKind.UnknownInstruction ? Keyword.ValueText : Keyword.ValueText.ToUpperInvariant();

    public IEnumerable<FlagSyntax> Flags => GetNodes<FlagSyntax>();

    /// <summary>The first flag named <paramref name="name"/> (without dashes, case-sensitive as BuildKit).</summary>
    public FlagSyntax? GetFlag(string name) => Flags.FirstOrDefault(f => f.Name == name);

    public IEnumerable<HeredocSyntax> Heredocs => GetNodes<HeredocSyntax>();

    /// <summary>
    /// The instruction line as BuildKit sees it: from the keyword to the last argument, continuations and comment lines
    /// inside them removed, heredoc bodies excluded.
    /// </summary>
    public string GetLogicalText() => LogicalText.Of(this);
}

/// <summary>Reconstructs BuildKit's logical line from tokens and the whitespace trivia between them.</summary>
internal static class LogicalText
{
    public static string Of(SyntaxNode node)
    {
        var builder = new StringBuilder();
        Append(node.Green, builder, first: true, out _);
        // Drop whitespace after the last token: it belongs to the line end, not to the instruction text.
        return builder.ToString();
    }

    /// <summary>Appends the logical text of <paramref name="green"/>; returns pending whitespace to be written only if another token follows.</summary>
    private static bool Append(GreenNode green, StringBuilder builder, bool first, out string pending)
    {
        pending = string.Empty;
        var pendingBuilder = new StringBuilder();
        var isFirst = first;
        AppendCore(green, builder, ref isFirst, pendingBuilder);
        pending = pendingBuilder.ToString();
        return isFirst;
    }

    private static void AppendCore(GreenNode green, StringBuilder builder, ref bool isFirst, StringBuilder pending)
    {
        if (green is GreenToken token)
        {
            if (token.Kind is SyntaxKind.HeredocBodyToken or SyntaxKind.HeredocTerminatorToken) return;
            if (!isFirst)
            {
                foreach (var trivia in token.Leading) AppendTrivia(trivia, pending);
            }
            if (token.Text.Length > 0 || !token.IsMissing)
            {
                builder.Append(pending);
                pending.Clear();
                builder.Append(token.ValueText);
                isFirst = false;
            }
            foreach (var trivia in token.Trailing) AppendTrivia(trivia, pending);
            return;
        }
        for (var i = 0; i < green.SlotCount; i++) AppendCore(green.GetSlot(i), builder, ref isFirst, pending);
    }

    private static void AppendTrivia(GreenTrivia trivia, StringBuilder pending)
    {
        if (trivia.Kind is SyntaxKind.WhitespaceTrivia or SyntaxKind.SkippedTextTrivia) pending.Append(trivia.Text);
    }
}
