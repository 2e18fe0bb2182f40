namespace DockerLsp.Analysis;

/// <summary>
/// The family a rule belongs to. Categories can be configured as a whole
/// (<c>dockerlsp_analyzer_diagnostic.category-Security.severity = error</c>). The ID ranges follow the categories:
/// DF1xx Syntax, DF2xx Correctness, DF3xx BestPractice, DF4xx Security, DF5xx Maintainability, DF6xx Style; DF0xx is internal.
/// </summary>
public enum DiagnosticCategory
{
    Internal,
    Syntax,
    Correctness,
    BestPractice,
    Security,
    Maintainability,
    Style,
}
