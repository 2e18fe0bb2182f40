using DockerLsp.Analysis;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Cli.Output.Formatters;

/// <summary>
/// Compiler-style text: <c>path:line:col: severity[DF201]: message</c>, the source line with a caret underline under the span
/// (first line of a multi-line span), a hint line when a fix exists, then a summary. ANSI colour only when asked (a TTY
/// without NO_COLOR or --no-color).
/// </summary>
public sealed class TextReportFormatter(bool color) : IReportFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    public void Write(TextWriter writer, CheckReport report)
    {
        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings) WriteFinding(writer, file, finding);
        }

        var errors = report.Count(DiagnosticSeverity.Error);
        var warnings = report.Count(DiagnosticSeverity.Warning);
        var infos = report.Count(DiagnosticSeverity.Info) + report.Count(DiagnosticSeverity.Hint);
        var fixable = report.AllFindings.Count(f => f.IsFixable);
        var files = report.Files.Count;
        var summary = errors + warnings + infos == 0
            ? $"No problems found in {Plural(files, "file")}."
            : $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")} in {Plural(files, "file")}" +
              (fixable > 0 ? $"; {fixable} fixable with 'dockerlsp fix'." : ".");
        writer.WriteLine(Paint(summary, Bold));
    }

    private void WriteFinding(TextWriter writer, FileReport file, Finding finding)
    {
        var diagnostic = finding.Diagnostic;
        var text = file.Document.Text;
        var (line, column, _, _) = Positions.OneBased(text, diagnostic.Span);
        var severity = diagnostic.Severity.ToName();
        writer.WriteLine($"{Paint($"{file.DisplayPath}:{line}:{column}:", Bold)} {Paint($"{severity}[{diagnostic.Id}]", SeverityColor(diagnostic.Severity))}: {diagnostic.Message}");

        var lineIndex = line - 1;
        var lineStart = text.Lines.GetLineStart(lineIndex);
        var lineEnd = text.Lines.GetLineEnd(lineIndex);
        var source = text.ToString(TextSpan.FromBounds(lineStart, lineEnd)).Replace('\t', ' ');
        var gutter = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        writer.WriteLine($"{Paint($"{gutter} |", Dim)} {source}");
        var underlineEnd = Math.Min(diagnostic.Span.End, lineEnd);
        var width = Math.Max(1, underlineEnd - diagnostic.Span.Start);
        writer.WriteLine($"{Paint($"{pad} |", Dim)} {new string(' ', column - 1)}{Paint("^" + new string('~', width - 1), SeverityColor(diagnostic.Severity))}");
        if (finding.FixTitle is { } fix) writer.WriteLine($"{Paint($"{pad} =", Dim)} fix: {fix} (dockerlsp fix --rule {diagnostic.Id})");
        writer.WriteLine();
    }

    private static string SeverityColor(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "\u001b[1;31m",
        DiagnosticSeverity.Warning => "\u001b[1;33m",
        DiagnosticSeverity.Info => "\u001b[1;36m",
        _ => "\u001b[1;34m",
    };

    private string Paint(string text, string style) => color ? style + text + Reset : text;

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
