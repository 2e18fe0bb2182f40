using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Images;

/// <summary>
/// Pins external images to digests (DF501's "Pin to digest" and its fix-all) and finds pinned digests that no longer
/// match their tag ("Update digest"). Finding references is pure; only the digest lookup goes through
/// <see cref="IImageRegistry"/>, so the same code serves the editor and <c>dockerlsp fix --rule DF501</c>.
/// Edits are minimal: <c>@sha256:…</c> is inserted after the reference as written (flags, <c>AS name</c> and variables
/// are kept), or only the digest part of a stale reference is replaced.
/// </summary>
public sealed class ImagePinService
{
    private readonly IImageRegistry _registry;

    public ImagePinService(IImageRegistry registry) => _registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>
    /// Every external image reference of the document, in source order: FROM images that are not stages or scratch,
    /// <c>COPY --from=&lt;image&gt;</c> and <c>RUN --mount=from=&lt;image&gt;</c>. References with unresolved variables are
    /// included with a refusal reason so callers can explain why they are not pinned.
    /// </summary>
    public static ImmutableArray<PinnableImage> FindImageReferences(DockerfileDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = document.GetSemanticModel(cancellationToken);
        var text = document.Text.ToString();
        var result = ImmutableArray.CreateBuilder<PinnableImage>();
        foreach (var reference in model.StageReferences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reference.Target is not null) continue;
            if (reference.Kind == StageReferenceKind.FromBase && (reference.Source.BaseStage is not null || reference.Source.From.Image is null)) continue;
            var span = reference.Span;
            if (span.End > text.Length || span.Length == 0) continue;
            if (reference.Problem == StageReferenceProblem.Symbolic || reference.Image is { HasVariables: true })
            {
                result.Add(new PinnableImage(reference.Kind, span, reference.Text, reference.Image, null,
                    $"'{reference.Text}' contains variables without a known value; give them defaults (ARG NAME=value) or pin by hand"));
                continue;
            }
            if (reference.Image is not { } image || reference.Problem != StageReferenceProblem.None) continue;
            if (image.IsScratch) continue;
            if (!image.IsValid)
            {
                result.Add(new PinnableImage(reference.Kind, span, reference.Text, image, null, $"'{reference.Text}' is not a valid image reference"));
                continue;
            }
            result.Add(new PinnableImage(reference.Kind, span, reference.Text, image, LookupReference(image), null));
        }
        return result.ToImmutable();
    }

    /// <summary>The tag-only reference to ask the registry (<c>nginx:1.27@sha256:…</c> → <c>nginx:1.27</c>; no tag → <c>:latest</c>).</summary>
    public static string LookupReference(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return (image.Registry is null ? "" : image.Registry + "/") + image.Repository + ":" + (image.Tag ?? ImageReference.DefaultTag);
    }

    /// <summary>
    /// The edit pinning <paramref name="image"/> (or updating its digest when it is pinned to another one), or the reason it
    /// cannot be done. A reference pinned without a tag is left alone: there is no tag to compare with.
    /// </summary>
    public async Task<PinOutcome> PinAsync(DockerfileDocument document, PinnableImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(image);
        if (image.RefusalReason is { } refusal || image.LookupReference is null) return new PinOutcome(image, null, null, image.RefusalReason ?? "not an image reference");
        if (image.IsPinned && image.Image!.Tag is null) return new PinOutcome(image, null, image.Image.Digest, null);
        var resolved = await _registry.ResolveDigestAsync(image.LookupReference, cancellationToken).ConfigureAwait(false);
        if (!resolved.IsSuccess) return new PinOutcome(image, null, null, $"cannot resolve '{image.LookupReference}': {resolved.FailureReason}");
        var digest = resolved.Value!;
        return new PinOutcome(image, ComputeChange(document.Text.ToString(), image, digest), digest, null);
    }

    /// <summary>
    /// Pins every unpinned external image of the document (fix-all); with <paramref name="updateStale"/> also rewrites pinned
    /// digests that no longer match their tag. Each distinct reference is resolved once.
    /// </summary>
    public async Task<PinAllResult> PinAllAsync(DockerfileDocument document, bool updateStale, CancellationToken cancellationToken)
    {
        var outcomes = new List<PinOutcome>();
        var cache = new Dictionary<string, ImageRegistryResult<string>>(StringComparer.Ordinal);
        foreach (var image in FindImageReferences(document, cancellationToken))
        {
            if (image.IsPinned && !updateStale) continue;
            if (image.RefusalReason is not null || image.LookupReference is null)
            {
                outcomes.Add(new PinOutcome(image, null, null, image.RefusalReason));
                continue;
            }
            if (image.IsPinned && image.Image!.Tag is null) continue;
            if (!cache.TryGetValue(image.LookupReference, out var resolved))
            {
                resolved = await _registry.ResolveDigestAsync(image.LookupReference, cancellationToken).ConfigureAwait(false);
                cache[image.LookupReference] = resolved;
            }
            outcomes.Add(resolved.IsSuccess
                ? new PinOutcome(image, ComputeChange(document.Text.ToString(), image, resolved.Value!), resolved.Value, null)
                : new PinOutcome(image, null, null, $"cannot resolve '{image.LookupReference}': {resolved.FailureReason}"));
        }
        var changes = outcomes.Where(o => o.Change is not null).Select(o => o.Change!.Value).OrderBy(c => c.Span.Start).ToList();
        return new PinAllResult(changes, outcomes);
    }

    /// <summary>
    /// Pinned references (with a tag) whose tag now points at another digest: the opt-in online check behind DF506. Each
    /// outcome carries the "Update digest" edit; references the registry could not answer for are left out (no noise offline).
    /// </summary>
    public async Task<IReadOnlyList<PinOutcome>> FindStaleDigestsAsync(DockerfileDocument document, CancellationToken cancellationToken) =>
        (await CheckDigestsAsync(document, cancellationToken).ConfigureAwait(false)).Where(o => o.Change is not null).ToList();

    /// <summary>
    /// Every pinned reference with a tag, checked against the registry: stale ones carry the "Update digest" edit, current ones
    /// no edit, and those the registry could not answer for a <see cref="PinOutcome.FailureReason"/> (so a CI run can say what
    /// it could not check). Each distinct tag is asked once.
    /// </summary>
    public async Task<IReadOnlyList<PinOutcome>> CheckDigestsAsync(DockerfileDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var outcomes = new List<PinOutcome>();
        var resolved = new Dictionary<string, ImageRegistryResult<string>>(StringComparer.Ordinal);
        var text = document.Text.ToString();
        foreach (var image in FindImageReferences(document, cancellationToken))
        {
            if (!image.IsPinned || image.Image!.Tag is null || image.RefusalReason is not null || image.LookupReference is not { } reference) continue;
            if (!resolved.TryGetValue(reference, out var result))
            {
                result = await _registry.ResolveDigestAsync(reference, cancellationToken).ConfigureAwait(false);
                resolved[reference] = result;
            }
            outcomes.Add(result.IsSuccess
                ? new PinOutcome(image, ComputeChange(text, image, result.Value!), result.Value, null)
                : new PinOutcome(image, null, null, $"cannot resolve '{reference}': {result.FailureReason}"));
        }
        return outcomes;
    }

    /// <summary>
    /// Inserts <c>@digest</c> at the end of the reference as written (before a closing quote), or replaces the written digest.
    /// Returns null when the reference already carries <paramref name="digest"/> or its digest part is not literal text.
    /// </summary>
    public static TextChange? ComputeChange(string text, PinnableImage image, string digest)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(image);
        var start = image.Span.Start;
        var end = image.Span.End;
        while (end > start && text[end - 1] is '"' or '\'') end--;
        if (image.IsPinned)
        {
            if (string.Equals(image.Image!.Digest, digest, StringComparison.Ordinal)) return null;
            var at = text.LastIndexOf('@', end - 1, end - start);
            if (at < 0) return null;
            var written = text[(at + 1)..end];
            if (written.Contains('$', StringComparison.Ordinal)) return null;
            return new TextChange(TextSpan.FromBounds(at + 1, end), digest);
        }
        return TextChange.Insert(end, "@" + digest);
    }
}
