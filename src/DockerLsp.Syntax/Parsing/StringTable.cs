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
        var hash = (int)(Hash(span) & (Size - 1));
        var entry = _entries[hash];
        if (entry is not null && span.SequenceEqual(entry)) return entry;
        entry = span.ToString();
        _entries[hash] = entry;
        return entry;
    }

    /// <summary>
    /// A cheap hash of at most three 8-byte reads (the first, middle and last four characters; shorter strings per
    /// character), not <see cref="string.GetHashCode(ReadOnlySpan{char})"/>: its randomized Marvin hash costs more than the
    /// whole lookup for these short strings, and a lossy table has nothing to fear from collisions (a colliding entry is
    /// just replaced and the lookup compares the text anyway), so it needs no protection against crafted input.
    /// </summary>
    private static uint Hash(ReadOnlySpan<char> span)
    {
        var length = span.Length;
        ulong mixed;
        if (length < 4)
        {
            mixed = (ulong)length;
            foreach (var c in span) mixed = (mixed << 16) | c;
        }
        else
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(span);
            var first = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            var middle = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[((length / 2 - 2) * 2)..]);
            var last = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[((length - 4) * 2)..]);
            mixed = first * 0x9E3779B97F4A7C15UL ^ (middle + (ulong)length) * 0xC2B2AE3D27D4EB4FUL ^ last * 0x165667B19E3779F9UL;
        }
        mixed *= 0x9E3779B97F4A7C15UL;
        return (uint)(mixed >> 32);
    }
}
