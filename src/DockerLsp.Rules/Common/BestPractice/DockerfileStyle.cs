using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>Where a chained RUN puts its <c>&amp;&amp;</c>: at the end of each line (<c>a &amp;&amp; \</c>) or at the start of the next (<c>\ … &amp;&amp; b</c>).</summary>
internal enum ChainOperatorPlacement
{
    TrailingOperator,
    LeadingOperator,
}

/// <summary>
/// The formatting conventions of one Dockerfile that multi-line edits must follow: its line break (CRLF files stay CRLF), its
/// escape character (backtick files stay backtick), the indentation of RUN continuation lines and where it puts <c>&amp;&amp;</c>.
/// Read from the text once per tree; defaults are <c>\n</c>, <c>\</c>, four spaces and trailing operators.
/// </summary>
internal sealed record DockerfileStyle(string Newline, char Escape, string ContinuationIndent, ChainOperatorPlacement Placement)
{
    private const string DefaultIndent = "    ";

    // Every fix of a file asks for its style, and reading it visits every RUN: computed once per tree (trees are immutable),
    // or a fix-all over thousands of findings is quadratic.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, DockerfileStyle> s_styles = [];

    public static DockerfileStyle Of(SyntaxTree tree) => s_styles.GetValue(tree, Read);

    private static DockerfileStyle Read(SyntaxTree tree)
    {
        var text = tree.Text;
        var indents = new Dictionary<string, int>(StringComparer.Ordinal);
        // Lines that start a chained command say more about the house style than argument lines indented under a command.
        var commandIndents = new Dictionary<string, int>(StringComparer.Ordinal);
        var leading = 0;
        var trailing = 0;
        foreach (var instruction in tree.Root.Instructions)
        {
            if (instruction is not RunInstructionSyntax run || run.ShellForm is not { } shellForm) continue;
            var lines = text.Lines;
            var first = lines.GetLineFromOffset(shellForm.Span.Start);
            var last = lines.GetLineFromOffset(shellForm.Span.End);
            var previousEndsWithOperator = false;
            for (var line = first; line <= last; line++)
            {
                var start = lines.GetLineStart(line);
                var end = lines.GetLineEnd(line);
                var content = text.ToString(TextSpan.FromBounds(start, end));
                var trimmed = content.TrimStart(' ', '\t');
                if (line > first && trimmed.Length > 0 && trimmed[0] != '#')
                {
                    var indent = content[..(content.Length - trimmed.Length)];
                    if (indent.Length > 0) indents[indent] = indents.GetValueOrDefault(indent) + 1;
                    var startsCommand = trimmed.StartsWith("&&", StringComparison.Ordinal) || previousEndsWithOperator;
                    if (indent.Length > 0 && startsCommand) commandIndents[indent] = commandIndents.GetValueOrDefault(indent) + 1;
                    if (trimmed.StartsWith("&&", StringComparison.Ordinal)) leading++;
                }
                var body = trimmed.TrimEnd(' ', '\t');
                previousEndsWithOperator = line < last && body.EndsWith("&& " + tree.EscapeCharacter, StringComparison.Ordinal);
                if (previousEndsWithOperator) trailing++;
            }
        }
        var source = commandIndents.Count > 0 ? commandIndents : indents;
        var bestIndent = source.Count == 0 ? DefaultIndent : source.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Length).First().Key;
        return new DockerfileStyle(NewlineOf(text), tree.EscapeCharacter, bestIndent, leading > trailing ? ChainOperatorPlacement.LeadingOperator : ChainOperatorPlacement.TrailingOperator);
    }

    /// <summary>The line break the document uses: that of its first line, <c>\n</c> when it has none.</summary>
    public static string NewlineOf(SourceText text)
    {
        var span = text.AsSpan();
        var index = span.IndexOf('\n');
        return index > 0 && span[index - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The text that continues a command on a new, indented line: <c> &amp;&amp; \</c> + newline + indentation (or its leading-operator form).</summary>
    public string ChainOnNewLine() => Placement == ChainOperatorPlacement.TrailingOperator
        ? " && " + Escape + Newline + ContinuationIndent
        : " " + Escape + Newline + ContinuationIndent + "&& ";
}
