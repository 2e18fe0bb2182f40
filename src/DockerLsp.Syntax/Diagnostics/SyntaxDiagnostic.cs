using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax.Diagnostics;

/// <summary>How bad a syntax diagnostic is. Error means BuildKit would refuse the Dockerfile.</summary>
public enum DiagnosticSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>
/// A diagnostic stored on a green node, positioned relative to that node's full start so that reused nodes keep
/// valid diagnostics after an incremental reparse.
/// </summary>
internal sealed record SyntaxDiagnosticInfo(string Id, DiagnosticSeverity Severity, string Message, int Offset, int Length);

/// <summary>A syntax diagnostic with an absolute span in its tree's text.</summary>
public sealed record SyntaxDiagnostic(string Id, DiagnosticSeverity Severity, string Message, TextSpan Span)
{
    public override string ToString() => $"{Span} {Severity} {Id}: {Message}";
}
