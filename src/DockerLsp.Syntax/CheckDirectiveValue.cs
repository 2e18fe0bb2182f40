namespace DockerLsp.Syntax;

/// <summary>
/// The value of a <c># check=</c> directive as BuildKit's linter reads it: up to 3 <c>;</c>-separated
/// <c>key=value</c> parts with keys <c>skip</c> (<c>all</c> or rule names), <c>experimental</c> and <c>error</c> (a Go
/// boolean). Text after the first space (<c>// comment</c>) is ignored. <see cref="Error"/> is set when malformed.
/// </summary>
public sealed record CheckDirectiveValue(bool SkipAll, IReadOnlyList<string> SkippedRules, bool ExperimentalAll, IReadOnlyList<string> ExperimentalRules, bool? ErrorOnWarnings, string? Error)
{
    public static CheckDirectiveValue Parse(string value)
    {
        var reference = value.Split(' ', 2)[0];
        var skipAll = false;
        var experimentalAll = false;
        bool? error = null;
        var skipped = new List<string>();
        var experimental = new List<string>();
        var parts = reference.Split(';');
        if (parts.Length > 3) return Fail("At most 3 ';'-separated parts are allowed in a check directive.");
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=');
            if (equals < 0) return Fail($"'{part}' is not of the form key=value.");
            var key = part[..equals].Trim();
            var rest = part[(equals + 1)..];
            switch (key)
            {
                case "skip":
                    if (rest.Trim() == "all") skipAll = true;
                    else skipped.AddRange(rest.Split(',').Select(r => r.Trim()).Where(r => r.Length > 0));
                    break;
                case "experimental":
                    if (rest.Trim() == "all") experimentalAll = true;
                    else experimental.AddRange(rest.Split(',').Select(r => r.Trim()).Where(r => r.Length > 0));
                    break;
                case "error":
                    var parsed = ParseGoBool(rest.Trim());
                    if (parsed is null) return Fail($"'{rest}' is not a boolean (use true or false).");
                    error = parsed;
                    break;
                default:
                    return Fail($"Unknown check directive key '{key}': expected skip, experimental or error.");
            }
        }
        return new CheckDirectiveValue(skipAll, skipped, experimentalAll, experimental, error, null);

        static CheckDirectiveValue Fail(string message) => new(false, [], false, [], null, message);
    }

    private static bool? ParseGoBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
