using DockerLsp.Syntax.Text;

namespace DockerLsp.Cli.Output.Formatters;

/// <summary>Converts spans to the line/column conventions of each format (0-based LSP style, or 1-based for people and CI tools).</summary>
internal static class Positions
{
    public static LinePositionSpan ToLinePositions(SourceText text, TextSpan span) => text.Lines.GetLinePositionSpan(span);

    /// <summary>1-based (line, column, endLine, endColumn) with columns in UTF-16 code units; an empty span keeps end = start.</summary>
    public static (int Line, int Column, int EndLine, int EndColumn) OneBased(SourceText text, TextSpan span)
    {
        var positions = ToLinePositions(text, span);
        return (positions.Start.Line + 1, positions.Start.Character + 1, positions.End.Line + 1, positions.End.Character + 1);
    }

    /// <summary>The path as given, with '/' separators (what CI annotations and SARIF expect).</summary>
    public static string NormalizePath(string path) => path.Replace('\\', '/');
}
