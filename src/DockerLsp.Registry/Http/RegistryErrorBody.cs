using System.Text.Json;

namespace DockerLsp.Registry;

/// <summary>
/// Extracts the human part of a distribution error body (<c>{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}</c>)
/// so messages can say what the registry said. Never throws; returns null for bodies that are not such JSON.
/// </summary>
internal static class RegistryErrorBody
{
    private const int MaxSummaryLength = 300;

    public static string? Summarize(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var parts = new List<string>();
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                parts.Add(code is null ? message ?? "" : message is null ? code : $"{code}: {message}");
            }

            var summary = string.Join("; ", parts.Where(p => p.Length > 0));
            return summary.Length == 0 ? null : summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] + "…" : summary;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
