using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Images;

/// <summary>
/// An external image named by a Dockerfile (<c>FROM</c>, <c>COPY --from</c>, <c>RUN --mount=from=</c>) that pinning
/// considers. <see cref="Span"/> covers the reference as written in the source (variables unexpanded);
/// <see cref="Text"/> is the expanded reference; <see cref="LookupReference"/> is the tag-only reference asked of the
/// registry. When <see cref="RefusalReason"/> is set the reference cannot be pinned (e.g. unresolved variables).
/// </summary>
public sealed record PinnableImage(
    StageReferenceKind Kind,
    TextSpan Span,
    string Text,
    ImageReference? Image,
    string? LookupReference,
    string? RefusalReason)
{
    /// <summary>True when the reference already carries a digest.</summary>
    public bool IsPinned => Image?.Digest is not null;
}

/// <summary>
/// The result of pinning one reference: a minimal edit (null when nothing changes, e.g. already pinned to the current
/// digest) or the reason it was refused. <see cref="Digest"/> is the digest the registry reported, when it answered.
/// </summary>
public sealed record PinOutcome(PinnableImage Image, TextChange? Change, string? Digest, string? FailureReason)
{
    public bool Failed => FailureReason is not null;
}

/// <summary>
/// The result of pinning several references of one document: the edits (non-overlapping, in the document's
/// coordinates, ordered by position) and every per-reference outcome, including refusals.
/// </summary>
public sealed record PinAllResult(IReadOnlyList<TextChange> Changes, IReadOnlyList<PinOutcome> Outcomes)
{
    public IEnumerable<PinOutcome> Failures => Outcomes.Where(o => o.Failed);
}
