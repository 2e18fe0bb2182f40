using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace DockerLsp.Registry;

/// <summary>
/// Reads the few fields the client needs from manifests, indexes, image configs and tag-list pages, tolerating extra
/// fields and rejecting missing or mistyped required ones with a message. Pure functions over bytes; no IO.
/// </summary>
internal static class ManifestReader
{
    /// <summary>The media type of a manifest body: the Content-Type the registry sent, else the body's own <c>mediaType</c> field.</summary>
    public static string MediaTypeOf(string? contentType, byte[] body)
    {
        var declared = MediaTypes.Normalize(contentType);
        if (MediaTypes.IsKnown(declared))
        {
            return declared;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("mediaType", out var mediaType)
                && mediaType.ValueKind == JsonValueKind.String)
            {
                return MediaTypes.Normalize(mediaType.GetString());
            }

            // An OCI index may omit mediaType; "manifests" is what makes it one.
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("manifests", out _))
            {
                return MediaTypes.OciIndex;
            }
        }
        catch (JsonException)
        {
            // fall through: unknown
        }

        return declared;
    }

    /// <summary>The platform entries of an index or manifest list, without attestation manifests.</summary>
    public static bool TryReadIndex(byte[] body, [NotNullWhen(true)] out IReadOnlyList<PlatformManifest>? platforms, [NotNullWhen(false)] out string? error)
    {
        platforms = null;
        if (!TryParseObject(body, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
            {
                error = "the index has no 'manifests' array";
                return false;
            }

            var list = new List<PlatformManifest>();
            foreach (var entry in manifests.EnumerateArray())
            {
                if (!TryReadDescriptor(entry, out var digest, out var mediaType, out error))
                {
                    return false;
                }

                if (IsAttestation(entry) || !entry.TryGetProperty("platform", out var platform) || platform.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var os = GetString(platform, "os");
                var architecture = GetString(platform, "architecture");
                if (os is null || architecture is null || (os == "unknown" && architecture == "unknown"))
                {
                    continue;
                }

                list.Add(new PlatformManifest(
                    new ImagePlatform(os, architecture, GetString(platform, "variant"), GetString(platform, "os.version")),
                    digest,
                    mediaType));
            }

            platforms = list;
            return true;
        }
    }

    /// <summary>The config blob descriptor of an image manifest.</summary>
    public static bool TryReadConfigDigest(byte[] body, out OciDigest configDigest, [NotNullWhen(false)] out string? error)
    {
        configDigest = default;
        if (!TryParseObject(body, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
            {
                error = "the manifest has no 'config' descriptor";
                return false;
            }

            return TryReadDescriptor(config, out configDigest, out _, out error);
        }
    }

    /// <summary>Created time, os, architecture and variant from an image config blob.</summary>
    public static bool TryReadConfig(
        byte[] body,
        out (DateTimeOffset? Created, string Os, string Architecture, string? Variant) config,
        [NotNullWhen(false)] out string? error)
    {
        config = default;
        if (!TryParseObject(body, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            var os = GetString(root, "os");
            var architecture = GetString(root, "architecture");
            if (os is null || architecture is null)
            {
                error = "the image config has no 'os' or 'architecture'";
                return false;
            }

            DateTimeOffset? created = GetString(root, "created") is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : null;
            config = (created, os, architecture, GetString(root, "variant"));
            return true;
        }
    }

    /// <summary>The tags of one <c>/tags/list</c> page (<c>"tags": null</c> means none).</summary>
    public static bool TryReadTags(byte[] body, [NotNullWhen(true)] out IReadOnlyList<string>? tags, [NotNullWhen(false)] out string? error)
    {
        tags = null;
        if (!TryParseObject(body, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            var list = new List<string>();
            if (document.RootElement.TryGetProperty("tags", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var tag in array.EnumerateArray())
                {
                    if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { } value && ImageReferenceScanner.IsValidTag(value))
                    {
                        list.Add(value);
                    }
                }
            }

            tags = list;
            return true;
        }
    }

    private static bool TryReadDescriptor(JsonElement descriptor, out OciDigest digest, out string mediaType, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        mediaType = MediaTypes.Normalize(GetString(descriptor, "mediaType"));
        if (!OciDigest.TryParse(GetString(descriptor, "digest"), out digest, out var digestError))
        {
            error = "a descriptor has an invalid digest: " + digestError;
            return false;
        }

        error = null;
        return true;
    }

    // BuildKit stores provenance/SBOM as index entries marked with this annotation (and platform unknown/unknown).
    private static bool IsAttestation(JsonElement entry) =>
        entry.TryGetProperty("annotations", out var annotations)
        && annotations.ValueKind == JsonValueKind.Object
        && GetString(annotations, "vnd.docker.reference.type") == "attestation-manifest";

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool TryParseObject(byte[] body, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out string? error)
    {
        try
        {
            document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = null;
                return true;
            }

            document.Dispose();
            document = null;
            error = "expected a JSON object";
            return false;
        }
        catch (JsonException exception)
        {
            document = null;
            error = "invalid JSON: " + exception.Message;
            return false;
        }
    }
}
