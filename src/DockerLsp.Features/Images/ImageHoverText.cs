using System.Globalization;
using System.Text;

namespace DockerLsp.Features.Images;

/// <summary>Markdown for the registry part of a hover on an image reference (appended to the regular hover).</summary>
public static class ImageHoverText
{
    /// <summary>"resolving…" while the lookup runs; the facts when available; the reason (short) when it failed.</summary>
    public static string Format(string reference, ImageLookup<ImageInfo> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        switch (lookup.State)
        {
            case ImageLookupState.Resolving:
                return $"*Registry: resolving `{reference}`…*";
            case ImageLookupState.Failed:
                return $"*Registry: no data for `{reference}` ({lookup.FailureReason}).*";
        }
        var info = lookup.Value!;
        var text = new StringBuilder();
        text.Append("**Image** `").Append(info.NormalizedName).Append('`');
        if (info.Digest is { } digest) text.Append("  \nDigest: `").Append(digest).Append('`');
        if (info.Platforms.Count > 0) text.Append("  \nPlatforms: ").Append(string.Join(", ", info.Platforms.Select(p => "`" + p + "`")));
        if (info.Created is { } created) text.Append("  \nCreated: ").Append(created.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (info.RegistryPageUrl is { } url) text.Append("  \n[Registry page](").Append(url).Append(')');
        return text.ToString();
    }
}
