using System.Text;
using DockerLsp.Analysis;

namespace DockerLsp.Cli.Output.Formatters;

/// <summary>
/// GitHub Actions workflow commands: <c>::error file=...,line=..,col=..,endLine=..,endColumn=..,title=DF201::message</c>, so findings
/// appear as annotations on the pull request. Hints and infos become notices. Values are escaped as the runner requires.
/// </summary>
public sealed class GitHubReportFormatter : IReportFormatter
{
    public void Write(TextWriter writer, CheckReport report)
    {
        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings)
            {
                var diagnostic = finding.Diagnostic;
                var (line, column, endLine, endColumn) = Positions.OneBased(file.Document.Text, diagnostic.Span);
                var command = diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" };
                var title = $"{diagnostic.Id}: {diagnostic.Descriptor.Title}";
                writer.WriteLine($"::{command} file={Property(Positions.NormalizePath(file.DisplayPath))},line={line},col={column},endLine={endLine},endColumn={endColumn},title={Property(title)}::{Data(diagnostic.Message)}");
            }
        }
    }

    private static string Data(string value) => new StringBuilder(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string Property(string value) => new StringBuilder(Data(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
