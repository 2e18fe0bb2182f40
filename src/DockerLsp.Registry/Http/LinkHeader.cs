namespace DockerLsp.Registry;

/// <summary>
/// Finds the <c>rel="next"</c> target in an RFC 8288 <c>Link</c> header (<c>&lt;/v2/x/tags/list?n=100&amp;last=b&gt;; rel="next"</c>),
/// which is how registries paginate tag lists. Scans by hand; returns null when there is no next link.
/// </summary>
internal static class LinkHeader
{
    public static string? FindNext(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            if (open < 0)
            {
                return null;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = header[(open + 1)..close];
            // Parameters run until the next link, which starts after a comma outside quotes.
            var end = close + 1;
            var inQuotes = false;
            while (end < header.Length && (inQuotes || header[end] != ','))
            {
                if (header[end] == '"')
                {
                    inQuotes = !inQuotes;
                }

                end++;
            }

            if (HasNextRelation(header[(close + 1)..end]))
            {
                return target;
            }

            position = end + 1;
        }

        return null;
    }

    // rel may list several space-separated relation types, quoted or not.
    private static bool HasNextRelation(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = parameter[(equals + 1)..].Trim().Trim('"');
            if (value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
