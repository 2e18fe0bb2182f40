using DockerLsp.Features.Settings;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// A finding in one document version, in editor terms: a rule ID, a severity, a message and spans in that version's
/// text. <see cref="FixKey"/> lets a later code-action request find the same finding again without trusting positions
/// alone. Instances are immutable and compare by value.
/// </summary>
public sealed record DocumentDiagnostic(
    string Id,
    DiagnosticLevel Severity,
    string Message,
    TextSpan Span,
    string? HelpLink = null,
    DiagnosticTags Tags = DiagnosticTags.None,
    IReadOnlyList<RelatedLocation>? Related = null,
    bool IsFixable = false)
{
    public IReadOnlyList<RelatedLocation> RelatedLocations => Related ?? [];

    /// <summary>A stable key for this finding within its document version: rule and span.</summary>
    public string FixKey => $"{Id}@{Span.Start}:{Span.Length}";
}

/// <summary>Another place in the same document that explains a diagnostic (e.g. the CMD that wins).</summary>
public sealed record RelatedLocation(TextSpan Span, string Message);

/// <summary>Editor hints about how to render a diagnostic.</summary>
[Flags]
public enum DiagnosticTags
{
    None = 0,
    /// <summary>The code is redundant (e.g. an earlier CMD that a later one overrides): editors fade it.</summary>
    Unnecessary = 1,
    /// <summary>The construct is deprecated (MAINTAINER): editors strike it through.</summary>
    Deprecated = 2,
}

/// <summary>The severity a diagnostic is shown with (after configuration).</summary>
public enum DiagnosticLevel
{
    Hint,
    Info,
    Warning,
    Error,
}
