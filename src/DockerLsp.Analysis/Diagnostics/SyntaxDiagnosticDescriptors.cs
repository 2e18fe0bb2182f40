using System.Collections.Frozen;
using System.Collections.Immutable;
using DockerLsp.Syntax.Diagnostics;
using SyntaxSeverity = DockerLsp.Syntax.Diagnostics.DiagnosticSeverity;

namespace DockerLsp.Analysis;

/// <summary>
/// Descriptors for the parser's diagnostics (DF1xx), so that they flow through the same engine as rule diagnostics. Errors
/// BuildKit would refuse to build with are not configurable; warnings are. DF112 (empty continuation line) is off by default
/// because rule DF603 reports the same thing with a fix. The parser's own message is used as the diagnostic message.
/// </summary>
public static class SyntaxDiagnosticDescriptors
{
    private static DiagnosticDescriptor Error(string id, string title, params string[] hadolint) =>
        new(id, title, "{0}", DiagnosticCategory.Syntax, DiagnosticSeverity.Error, hadolintIds: hadolint, isConfigurable: false);

    private static DiagnosticDescriptor Warning(string id, string title, bool enabled = true, string[]? buildKit = null) =>
        new(id, title, "{0}", DiagnosticCategory.Syntax, DiagnosticSeverity.Warning, enabled, buildKitNames: buildKit);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        Warning(SyntaxDiagnosticIds.InvalidUtf8, "The file is not valid UTF-8"),
        Error(SyntaxDiagnosticIds.UnknownInstruction, "Unknown instruction", "DL1000"),
        Error(SyntaxDiagnosticIds.MissingArgument, "Missing argument", "DL1000"),
        Error(SyntaxDiagnosticIds.UnexpectedArgument, "Unexpected argument", "DL1000"),
        Error(SyntaxDiagnosticIds.UnterminatedHeredoc, "Unterminated heredoc", "DL1000"),
        Error(SyntaxDiagnosticIds.InvalidEscapeDirective, "Invalid escape directive"),
        Error(SyntaxDiagnosticIds.DuplicateDirective, "Duplicate parser directive"),
        Error(SyntaxDiagnosticIds.MalformedFlag, "Malformed flag", "DL1000"),
        Warning(SyntaxDiagnosticIds.ShellNotJson, "SHELL must use JSON form"),
        Error(SyntaxDiagnosticIds.InvalidVariableExpansion, "Invalid variable expansion"),
        Error(SyntaxDiagnosticIds.UnterminatedQuote, "Unterminated quote"),
        Error(SyntaxDiagnosticIds.NoInstructions, "The Dockerfile has no instructions"),
        Warning(SyntaxDiagnosticIds.EmptyContinuationLine, "Empty continuation line (reported by DF603)", enabled: false),
        Error(SyntaxDiagnosticIds.LineTooLong, "Line too long"),
        Error(SyntaxDiagnosticIds.JsonArrayNotStrings, "JSON array with non-string elements"),
        Error(SyntaxDiagnosticIds.InvalidKeyValue, "Invalid key-value syntax", "DL1000"),
        Error(SyntaxDiagnosticIds.HeredocAsDestination, "Heredoc used as destination"),
        Error(SyntaxDiagnosticIds.InvalidOnBuildTrigger, "Invalid ONBUILD trigger", "DL3043"),
        Error(SyntaxDiagnosticIds.InvalidHealthcheck, "Invalid HEALTHCHECK"),
        Warning(SyntaxDiagnosticIds.InvalidCheckDirective, "Invalid check directive"),
    ];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> s_byId = All.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>The descriptor of a syntax diagnostic ID; an ID the parser adds later gets a generic descriptor at the severity it was reported with.</summary>
    public static DiagnosticDescriptor Get(string id, SyntaxSeverity reportedSeverity) =>
        s_byId.TryGetValue(id, out var descriptor)
            ? descriptor
            : new DiagnosticDescriptor(id, "Syntax diagnostic " + id, "{0}", DiagnosticCategory.Syntax, Convert(reportedSeverity), isConfigurable: reportedSeverity != SyntaxSeverity.Error);

    internal static DiagnosticSeverity Convert(SyntaxSeverity severity) => severity switch
    {
        SyntaxSeverity.Error => DiagnosticSeverity.Error,
        SyntaxSeverity.Warning => DiagnosticSeverity.Warning,
        SyntaxSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hint,
    };
}

/// <summary>Diagnostics the engine reports about itself (DF0xx).</summary>
public static class InternalDiagnosticDescriptors
{
    /// <summary>An analyzer threw; its other diagnostics for this document are dropped, the other analyzers still ran.</summary>
    public static DiagnosticDescriptor AnalyzerFailure { get; } = new(
        "DF001", "An analyzer failed", "Analyzer '{0}' failed and was skipped for this document: {1}: {2}",
        DiagnosticCategory.Internal, DiagnosticSeverity.Warning, isConfigurable: false);

    /// <summary>An analyzer reported a diagnostic it does not declare in SupportedDiagnostics.</summary>
    public static DiagnosticDescriptor UnsupportedDiagnostic { get; } = new(
        "DF002", "An analyzer reported an undeclared diagnostic", "Analyzer '{0}' reported '{1}', which it does not declare; the diagnostic was dropped",
        DiagnosticCategory.Internal, DiagnosticSeverity.Warning, isConfigurable: false);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = [AnalyzerFailure, UnsupportedDiagnostic];
}
