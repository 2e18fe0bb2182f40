using System.Buffers;
using System.Collections.Immutable;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Suppression;

/// <summary>
/// Reads suppression pragmas from comment trivia and from the <c>check</c> parser directive. A pragma comment is
/// <c># &lt;tool&gt; [global] ignore=CODE[,CODE...] [free text]</c> with tool <c>dockerlsp</c> or <c>hadolint</c>.
/// </summary>
internal static class PragmaParser
{
    public static ImmutableArray<SuppressionPragma> Parse(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var pragmas = ImmutableArray.CreateBuilder<SuppressionPragma>();
        foreach (var directive in tree.Root.Directives)
        {
            if (directive.Name != "check") continue;
            var value = CheckDirectiveValue.Parse(directive.Value);
            if (value.Error is not null || (!value.SkipAll && value.SkippedRules.Count == 0)) continue;
            pragmas.Add(new SuppressionPragma(PragmaSyntax.BuildKitCheck, SuppressionScope.File, [.. value.SkippedRules], value.SkipAll,
                directive.Span, directive.ValueToken.Span, null));
        }

        // Every pragma comment contains "ignore": find those occurrences in the text (a vectorized search) and parse only the
        // leading trivia of the instructions they fall into, instead of visiting every instruction of a large file.
        var text = tree.Text.AsSpan();
        var first = text.IndexOfAny(s_ignoreWord);
        if (first < 0) return pragmas.ToImmutable();
        var root = tree.Root;
        InstructionSyntax? last = null;
        // From the first occurrence on: the text before it was just searched.
        for (var offset = first; offset < text.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = text[offset..].IndexOfAny(s_ignoreWord);
            if (found < 0) break;
            var position = offset + found;
            offset = position + IgnoreWord.Length;
            if (root.FindInstruction(position) is not { } instruction || instruction == last || position >= instruction.Span.Start) continue;
            last = instruction;
            AddInstructionPragmas(instruction, pragmas);
        }

        foreach (var comment in tree.Root.EndOfFileToken.LeadingTrivia.Where(t => t.Kind == SyntaxKind.CommentTrivia))
        {
            if (TryParse(comment, out var pragma) && pragma.Scope == SuppressionScope.File) pragmas.Add(pragma);
        }
        return pragmas.ToImmutable();
    }

    private const string IgnoreWord = "ignore";

    /// <summary>
    /// The search for <see cref="IgnoreWord"/>, in any case. Why not <c>IndexOf(..., OrdinalIgnoreCase)</c>: with invariant
    /// globalization (how dockerlsp ships) that is a scalar loop, ≈ 1-2 ms over a 10,000-line file on every keystroke;
    /// <see cref="SearchValues{T}"/> is vectorized (≈ 0.03 ms).
    /// </summary>
    private static readonly SearchValues<string> s_ignoreWord = SearchValues.Create([IgnoreWord], StringComparison.OrdinalIgnoreCase);

    /// <summary>The pragmas in the comments above <paramref name="instruction"/> (its keyword's leading trivia).</summary>
    private static void AddInstructionPragmas(InstructionSyntax instruction, ImmutableArray<SuppressionPragma>.Builder pragmas)
    {
        var keyword = instruction.GetFirstToken();
        var trivia = keyword.LeadingTrivia.ToArray();
        var above = CommentsDirectlyAbove(trivia);
        var instructionSpan = TextSpan.FromBounds(instruction.Span.Start, instruction.FullSpan.End);
        foreach (var comment in trivia.Where(t => t.Kind == SyntaxKind.CommentTrivia))
        {
            if (TryParse(comment, out var pragma))
            {
                if (pragma.Scope == SuppressionScope.File) pragmas.Add(pragma);
                else if (above.Contains(comment.Position)) pragmas.Add(pragma with { InstructionSpan = instructionSpan });
            }
        }
    }

    /// <summary>Positions of the comment lines in the contiguous block that ends on the line just above the token.</summary>
    internal static HashSet<int> CommentsDirectlyAbove(IReadOnlyList<SyntaxTrivia> trivia)
    {
        var positions = new HashSet<int>();
        var i = trivia.Count - 1;
        if (i >= 0 && trivia[i].Kind == SyntaxKind.WhitespaceTrivia) i--;
        while (i >= 1 && trivia[i].Kind == SyntaxKind.EndOfLineTrivia && trivia[i - 1].Kind == SyntaxKind.CommentTrivia)
        {
            positions.Add(trivia[i - 1].Position);
            i -= 2;
            if (i >= 0 && trivia[i].Kind == SyntaxKind.WhitespaceTrivia) i--;
        }
        return positions;
    }

    /// <summary>Parses <c># tool [global] ignore=codes</c>; codes end at the first whitespace.</summary>
    internal static bool TryParse(SyntaxTrivia comment, out SuppressionPragma pragma)
    {
        pragma = null!;
        var text = comment.Text;
        var cursor = 0;
        if (cursor >= text.Length || text[cursor] != '#') return false;
        cursor++;
        cursor = SkipSpaces(text, cursor);
        var tool = ReadWord(text, ref cursor);
        PragmaSyntax syntax;
        if (string.Equals(tool, "dockerlsp", StringComparison.OrdinalIgnoreCase)) syntax = PragmaSyntax.DockerLsp;
        else if (string.Equals(tool, "hadolint", StringComparison.OrdinalIgnoreCase)) syntax = PragmaSyntax.Hadolint;
        else return false;

        cursor = SkipSpaces(text, cursor);
        var scope = SuppressionScope.Instruction;
        var save = cursor;
        var word = ReadWord(text, ref cursor);
        if (string.Equals(word, "global", StringComparison.OrdinalIgnoreCase))
        {
            scope = SuppressionScope.File;
            cursor = SkipSpaces(text, cursor);
        }
        else
        {
            cursor = save;
        }

        const string ignore = "ignore";
        if (string.Compare(text, cursor, ignore, 0, ignore.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        cursor += ignore.Length;
        cursor = SkipSpaces(text, cursor);
        if (cursor >= text.Length || text[cursor] != '=') return false;
        cursor++;
        cursor = SkipSpaces(text, cursor);
        var listStart = cursor;
        while (cursor < text.Length && !char.IsWhiteSpace(text[cursor])) cursor++;
        var list = text[listStart..cursor];
        var codes = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
        if (codes.IsEmpty) return false;
        pragma = new SuppressionPragma(syntax, scope, codes, false, comment.Span,
            new TextSpan(comment.Position + listStart, cursor - listStart), null);
        return true;
    }

    private static int SkipSpaces(string text, int cursor)
    {
        while (cursor < text.Length && text[cursor] is ' ' or '\t') cursor++;
        return cursor;
    }

    private static string ReadWord(string text, ref int cursor)
    {
        var start = cursor;
        while (cursor < text.Length && char.IsAsciiLetter(text[cursor])) cursor++;
        return text[start..cursor];
    }
}
