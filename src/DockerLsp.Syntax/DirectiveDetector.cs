using System.Text.Json;

namespace DockerLsp.Syntax;

/// <summary>A directive found by <see cref="DirectiveDetector"/>: the reference (value up to the first space), the whole value, its 1-based line.</summary>
public sealed record DetectedDirective(string Name, string Reference, string CommandLine, int Line);

/// <summary>
/// BuildKit's DetectSyntax / ParseDirective helpers, which differ from the parser's own directive handling: they look at
/// raw lines, skip a first-line shebang, accept <c>//syntax=</c> as a fallback for <c>syntax</c> only, and fall back to
/// a JSON object with a string "syntax" member when the whole file is JSON. Used to tell which frontend a file asks for.
/// </summary>
public static class DirectiveDetector
{
    public static DetectedDirective? DetectSyntax(string text) => Detect(text, "syntax", allowSlashes: true, allowJson: true);

    public static DetectedDirective? Detect(string text, string name) =>
        Detect(text, name, allowSlashes: name == "syntax", allowJson: name == "syntax");

    private static DetectedDirective? Detect(string text, string name, bool allowSlashes, bool allowJson)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var lines = text.Split('\n');
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', '\n');
            if (i == 0 && line.StartsWith("#!", StringComparison.Ordinal)) continue;
            if (!TryParseLine(line, allowSlashes, out var key, out var value)) break;
            if (!seen.Add(key)) break;
            if (key == name)
            {
                var space = value.IndexOf(' ');
                return new DetectedDirective(name, space >= 0 ? value[..space] : value, value, i + 1);
            }
        }
        return allowJson ? DetectJson(text, name) : null;
    }

    private static bool TryParseLine(string line, bool allowSlashes, out string key, out string value)
    {
        key = value = string.Empty;
        int i;
        if (line.StartsWith('#')) i = 1;
        else if (allowSlashes && line.StartsWith("//", StringComparison.Ordinal)) i = 2;
        else return false;
        while (i < line.Length && line[i] is ' ' or '\t') i++;
        var nameStart = i;
        if (i >= line.Length || !char.IsAsciiLetter(line[i])) return false;
        while (i < line.Length && char.IsAsciiLetterOrDigit(line[i])) i++;
        key = line[nameStart..i].ToLowerInvariant();
        while (i < line.Length && line[i] is ' ' or '\t') i++;
        if (i >= line.Length || line[i] != '=') return false;
        value = line[(i + 1)..].Trim(' ', '\t');
        return value.Length > 0 && key is "syntax" or "escape" or "check";
    }

    private static DetectedDirective? DetectJson(string text, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
            {
                var value = property.GetString()!;
                var space = value.IndexOf(' ');
                return new DetectedDirective(name, space >= 0 ? value[..space] : value, value, 1);
            }
        }
        catch (JsonException)
        {
            // Not JSON (the usual case): there is no JSON syntax directive.
        }
        return null;
    }
}
