using System.Globalization;

namespace DockerLsp.Registry;

/// <summary>
/// Reads how long to wait from a 429 response: <c>Retry-After</c> (delta-seconds or an HTTP date, RFC 9110 §10.2.3),
/// else <c>RateLimit-Reset</c> (seconds, IETF draft), and describes the <c>RateLimit-Limit</c>/<c>RateLimit-Remaining</c>
/// headers Docker Hub sends (<c>100;w=21600</c>) for the error message.
/// </summary>
internal static class RetryAfterParser
{
    /// <summary>Parses a Retry-After value relative to <paramref name="now"/>. A date in the past means zero.</summary>
    public static bool TryParse(string? value, DateTimeOffset now, out TimeSpan delay)
    {
        delay = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        if (value.All(char.IsAsciiDigit))
        {
            // Huge digit strings would overflow; anything past int range is "very long" and the caller caps it anyway.
            delay = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= int.MaxValue
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(int.MaxValue);
            return true;
        }

        // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") plus the two obsolete forms HTTP still asks recipients to accept.
        string[] formats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date))
        {
            delay = date > now ? date - now : TimeSpan.Zero;
            return true;
        }

        return false;
    }

    /// <summary>The wait a 429 asks for, bounded by <paramref name="max"/>; <paramref name="fallback"/> when the response names none.</summary>
    public static TimeSpan DelayFor(RegistryResponse response, DateTimeOffset now, TimeSpan fallback, TimeSpan max)
    {
        TimeSpan delay;
        if (!TryParse(response.Header("Retry-After"), now, out delay)
            && !TryParseSeconds(response.Header("RateLimit-Reset"), out delay))
        {
            delay = fallback;
        }

        return delay > max ? max : delay;
    }

    /// <summary>"remaining 0 of 100 per 6 h" from Docker Hub style headers, or null when absent.</summary>
    public static string? DescribeQuota(RegistryResponse response)
    {
        var limit = response.Header("RateLimit-Limit");
        var remaining = response.Header("RateLimit-Remaining");
        if (limit is null && remaining is null)
        {
            return null;
        }

        var (limitCount, window) = SplitQuota(limit);
        var (remainingCount, _) = SplitQuota(remaining);
        var text = $"remaining {remainingCount ?? "?"} of {limitCount ?? "?"}";
        return window is { } w ? text + " per " + FormatDuration(w) : text;
    }

    public static string FormatDuration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 90 } => $"{Math.Ceiling(duration.TotalSeconds):0} s",
        { TotalMinutes: < 90 } => $"{Math.Ceiling(duration.TotalMinutes):0} min",
        _ => $"{duration.TotalHours:0.#} h",
    };

    private static bool TryParseSeconds(string? value, out TimeSpan delay)
    {
        delay = default;
        if (value is null || !int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        delay = TimeSpan.FromSeconds(seconds);
        return true;
    }

    // "100;w=21600" -> ("100", 6 h)
    private static (string? Count, TimeSpan? Window) SplitQuota(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        TimeSpan? window = null;
        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("w=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                window = TimeSpan.FromSeconds(seconds);
            }
        }

        return (parts[0], window);
    }
}
