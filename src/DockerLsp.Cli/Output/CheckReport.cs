using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Cli.Output;

/// <summary>One finding with what the formatters need besides the diagnostic: the fix it offers (title and, for SARIF, the edits).</summary>
public sealed record Finding(Diagnostic Diagnostic, string? FixTitle, DocumentChanges? FixChanges)
{
    public bool IsFixable => FixTitle is not null;
}

/// <summary>The result of checking one file: its display path (as given, or <c>&lt;stdin&gt;</c>), the analysed document and findings in document order.</summary>
public sealed record FileReport(string DisplayPath, DockerfileDocument Document, IReadOnlyList<Finding> Findings);

/// <summary>
/// Everything one <c>dockerlsp check</c> run found: per-file reports in input order, files that could not be read,
/// configuration problems and warnings. Formatters render it; the command turns it into an exit code.
/// </summary>
public sealed record CheckReport(IReadOnlyList<FileReport> Files, IReadOnlyList<string> ReadErrors, IReadOnlyList<ConfigurationProblem> ConfigurationProblems)
{
    /// <summary>What could not be checked but does not fail the run (e.g. <c>PATH:LINE: digest not checked: REASON</c> when a registry cannot answer).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IEnumerable<Finding> AllFindings => Files.SelectMany(f => f.Findings);

    public int Count(DiagnosticSeverity severity) => AllFindings.Count(f => f.Diagnostic.Severity == severity);
}
