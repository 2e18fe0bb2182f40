namespace DockerLsp.Analysis;

/// <summary>
/// The effective severity of a reported diagnostic, ordered so that a larger value is more severe.
/// <see cref="Hint"/> corresponds to hadolint's "style" and LSP's Hint. Turning a rule off is not a severity:
/// see <see cref="RuleSeverity.Off"/>.
/// </summary>
public enum DiagnosticSeverity
{
    Hint = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>
/// A configured severity for a rule or a category: one of the diagnostic severities, or <see cref="Off"/> to disable it.
/// Values are spelled <c>error</c>, <c>warning</c>, <c>info</c>, <c>hint</c> (alias <c>suggestion</c>, <c>style</c>, <c>silent</c>)
/// and <c>off</c> (alias <c>none</c>, <c>ignore</c>) in configuration files; see <see cref="SeverityNames"/>.
/// </summary>
public enum RuleSeverity
{
    Off = -1,
    Hint = DiagnosticSeverity.Hint,
    Info = DiagnosticSeverity.Info,
    Warning = DiagnosticSeverity.Warning,
    Error = DiagnosticSeverity.Error,
}

/// <summary>Spelling of severities in configuration files, command lines and reports. Parsing is case-insensitive.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name used in reports: <c>error</c>, <c>warning</c>, <c>info</c>, <c>hint</c>.</summary>
    public static string ToName(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hint",
    };

    public static string ToName(this RuleSeverity severity) =>
        severity == RuleSeverity.Off ? "off" : ((DiagnosticSeverity)severity).ToName();

    /// <summary>The diagnostic severity a configured severity produces, or null for <see cref="RuleSeverity.Off"/>.</summary>
    public static DiagnosticSeverity? ToDiagnosticSeverity(this RuleSeverity severity) =>
        severity == RuleSeverity.Off ? null : (DiagnosticSeverity)severity;

    /// <summary>
    /// Parses a severity as written by users of DockerLsp, Roslyn's .editorconfig (<c>suggestion</c>, <c>silent</c>, <c>none</c>,
    /// <c>default</c> is not accepted here) and hadolint (<c>style</c>, <c>ignore</c>).
    /// </summary>
    public static bool TryParse(string? text, out RuleSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = RuleSeverity.Error; return true;
            case "warning" or "warn": severity = RuleSeverity.Warning; return true;
            case "info" or "information" or "suggestion": severity = RuleSeverity.Info; return true;
            case "hint" or "style" or "silent" or "hidden": severity = RuleSeverity.Hint; return true;
            case "off" or "none" or "ignore": severity = RuleSeverity.Off; return true;
            default: severity = default; return false;
        }
    }
}
