using System.Globalization;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Images;

/// <summary>
/// A registry-backed quick fix on an image reference. <see cref="Changes"/> is null when the digest is not known yet: the
/// action is then resolved later with <see cref="ImagePinActionProvider.ResolveAsync"/> (by <see cref="Key"/>).
/// <see cref="Diagnostics"/> are the findings it fixes (DF501 for "Pin to digest"), so editors show it as their quick fix.
/// </summary>
public sealed record ImagePinAction(string Title, string Key, bool IsPreferred, IReadOnlyList<DocumentDiagnostic> Diagnostics, IReadOnlyList<TextChange>? Changes)
{
    public bool NeedsResolve => Changes is null;
}

/// <summary>The edit of a resolved <see cref="ImagePinAction"/>, or why it could not be computed (exactly one is set).</summary>
public sealed record ImagePinResolution(IReadOnlyList<TextChange>? Changes, string? FailureReason)
{
    public bool IsSuccess => Changes is not null;

    public static ImagePinResolution Failure(string reason) => new(null, reason);
}

/// <summary>
/// The "Pin '…' to digest", "Update digest of '…'" and "Pin all images to digests" actions of a range. Why two shapes: a code
/// action request must not wait for the network, so an action whose digest is already in <see cref="ImageInfoCache"/> comes
/// with its edit, and one whose digest is not comes without (only when the client can resolve actions, <c>lazy</c>) and is
/// completed by <see cref="ResolveAsync"/>, which waits for the registry within the configured timeout. Every request starts
/// the lookups it needs, so a client that cannot resolve sees the actions on its next request. "Pin to digest" carries the
/// DF501 finding of the same reference and is then preferred; "Update digest" is left to DF506's own fix when that is reported.
/// </summary>
public static class ImagePinActionProvider
{
    /// <summary>Every key of these actions starts with this, so hosts can tell them from the analysis engine's actions.</summary>
    public const string KeyPrefix = "image:";

    private const string PinDiagnosticId = "DF501";
    private const string StaleDiagnosticId = "DF506";
    private const string PinKey = KeyPrefix + "pin:";
    private const string PinAllKey = KeyPrefix + "pinAll";

    /// <summary>True when <paramref name="key"/> names an action of this provider.</summary>
    public static bool IsImageActionKey(string key) => key.StartsWith(KeyPrefix, StringComparison.Ordinal);

    /// <summary>The actions on image references touching <paramref name="range"/>; never waits for the network.</summary>
    public static IReadOnlyList<ImagePinAction> GetActions(DocumentAnalysis analysis, TextSpan range, ImageInfoCache cache, bool lazy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(cache);
        var document = analysis.Document;
        var images = ImagePinService.FindImageReferences(ImageReferenceLocator.ToEngineDocument(document), cancellationToken);
        var text = document.Text.ToString();
        var result = new List<ImagePinAction>();
        var all = new List<TextChange>();
        var unpinned = 0;
        foreach (var image in images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (image.LookupReference is not { } reference || (image.IsPinned && image.Image!.Tag is null)) continue;
            if (!image.IsPinned) unpinned++;
            var digest = cache.PeekInfo(reference) is { State: ImageLookupState.Available, Value.Digest: { } known } ? known : null;
            var change = digest is null ? null : ImagePinService.ComputeChange(text, image, digest);
            if (!image.IsPinned && change is { } pinAll) all.Add(pinAll);
            if (!Intersects(image.Span, range)) continue;
            var key = PinKey + image.Span.Start.ToString(CultureInfo.InvariantCulture);
            if (image.IsPinned)
            {
                if (change is not { } update || analysis.Diagnostics.Any(d => d.Id == StaleDiagnosticId && Intersects(d.Span, image.Span))) continue;
                result.Add(new ImagePinAction($"Update digest of '{reference}' to {Short(digest!)}", key, false, [], [update]));
                continue;
            }
            var linked = analysis.Diagnostics.Where(d => d.Id == PinDiagnosticId && Intersects(d.Span, image.Span)).ToArray();
            if (change is { } pin) result.Add(new ImagePinAction($"Pin '{reference}' to digest {Short(digest!)}", key, linked.Length > 0, linked, [pin]));
            else if (lazy) result.Add(new ImagePinAction($"Pin '{reference}' to digest", key, linked.Length > 0, linked, null));
        }
        if (unpinned > 1 && images.Any(i => !i.IsPinned && i.LookupReference is not null && Intersects(i.Span, range)))
        {
            if (all.Count == unpinned) result.Add(new ImagePinAction("Pin all images to digests", PinAllKey, false, [], all));
            else if (lazy) result.Add(new ImagePinAction("Pin all images to digests", PinAllKey, false, [], null));
        }
        return result;
    }

    /// <summary>
    /// Computes the edit of the action <paramref name="key"/> on <paramref name="document"/>, asking the registry (through the
    /// same <see cref="ImagePinService"/> as <c>dockerlsp fix</c>) and waiting at most <paramref name="timeout"/>. Failures
    /// (unreachable, not found, unauthorized, offline without a cached answer, timeout, the reference gone) come back as a
    /// reason; only cancellation by <paramref name="cancellationToken"/> throws.
    /// </summary>
    public static async Task<ImagePinResolution> ResolveAsync(Document document, string key, ImageInfoCache cache, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(cache);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            // WaitAsync as well as the token: the answer comes back in time even from a registry that ignores cancellation.
            return await ResolveCoreAsync(ImageReferenceLocator.ToEngineDocument(document), key, new ImagePinService(cache.Registry), bounded.Token)
                .WaitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImagePinResolution.Failure($"the registry did not answer within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }

    private static async Task<ImagePinResolution> ResolveCoreAsync(Analysis.DockerfileDocument document, string key, ImagePinService service, CancellationToken cancellationToken)
    {
        if (key == PinAllKey)
        {
            var pinned = await service.PinAllAsync(document, updateStale: false, cancellationToken).ConfigureAwait(false);
            if (pinned.Changes.Count > 0) return new ImagePinResolution(pinned.Changes, null);
            return ImagePinResolution.Failure(pinned.Failures.FirstOrDefault()?.FailureReason ?? "every image is already pinned");
        }
        if (!key.StartsWith(PinKey, StringComparison.Ordinal) || !int.TryParse(key.AsSpan(PinKey.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return ImagePinResolution.Failure($"unknown image action '{key}'");
        }
        var image = ImagePinService.FindImageReferences(document, cancellationToken).FirstOrDefault(i => i.Span.Start == start);
        if (image is null) return ImagePinResolution.Failure("the image reference is no longer there");
        var outcome = await service.PinAsync(document, image, cancellationToken).ConfigureAwait(false);
        if (outcome.FailureReason is { } reason) return ImagePinResolution.Failure(reason);
        if (outcome.Change is not { } change) return ImagePinResolution.Failure($"'{image.Text}' is already pinned to the digest of its tag");
        return new ImagePinResolution([change], null);
    }

    /// <summary>Touching counts: a cursor right after the reference still offers its actions.</summary>
    private static bool Intersects(TextSpan span, TextSpan range) => span.Start <= range.End && range.Start <= span.End;

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] + "…" : digest;
}
