namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// A small fixed-size cache of short strings (token and trivia texts), so that the thousands of repeated words in a
/// Dockerfile (<c>RUN</c>, <c>&amp;&amp;</c>, <c>-y</c>, indentation) share one string instead of allocating each time.
/// Lossy by design (a collision just replaces the entry). One instance per thread (<see cref="ForCurrentThread"/>), so
/// parses on the same thread share strings and no parse pays for allocating the table.
/// </summary>
internal sealed class StringTable
{
    [ThreadStatic]
    private static StringTable? t_current;

    public static StringTable ForCurrentThread => t_current ??= new StringTable();

    private const int Size = 16384;
    private const int MaxLength = 24;
    private readonly string?[] _entries = new string?[Size];

    public string Get(string text, int start, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxLength) return text.Substring(start, length);
        var span = text.AsSpan(start, length);
        var hash = string.GetHashCode(span) & (Size - 1);
        var entry = _entries[hash];
        if (entry is not null && span.SequenceEqual(entry)) return entry;
        entry = span.ToString();
        _entries[hash] = entry;
        return entry;
    }
}
