using DockerLsp.Syntax;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Cli.Commands.Parse;

/// <summary>
/// Formats syntax diagnostics the way compilers do, <c>path:line:col: error[DF101]: message</c>, with 1-based lines
/// and 1-based UTF-16 columns, so that editors and terminals can jump to them. Hidden diagnostics are not printed.
/// </summary>
public static class DiagnosticFormatter
{
    public static void WriteAll(TextWriter writer, string path, SyntaxTree tree)
    {
        foreach (var diagnostic in tree.GetDiagnostics())
        {
            if (diagnostic.Severity == DiagnosticSeverity.Hidden) continue;
            writer.WriteLine(Format(path, tree, diagnostic));
        }
    }

    public static string Format(string path, SyntaxTree tree, SyntaxDiagnostic diagnostic)
    {
        var position = tree.Text.Lines.GetLinePosition(diagnostic.Span.Start);
        return $"{path}:{position.Line + 1}:{position.Character + 1}: {SeverityName(diagnostic.Severity)}[{diagnostic.Id}]: {diagnostic.Message}";
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
