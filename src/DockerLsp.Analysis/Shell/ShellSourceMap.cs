using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Shell;

/// <summary>
/// Maps offsets in a logical script text (continuations and comment lines removed, as the shell receives it) back to absolute
/// offsets in the Dockerfile. Invariant: the map has an entry for every character plus the end and is non-decreasing, so a logical range
/// maps to a document span that covers exactly the characters it came from, even across continuation lines.
/// </summary>
public sealed class ShellSourceMap
{
    private readonly int[] _map;

    /// <param name="text">The logical text.</param>
    /// <param name="map">Document offsets: entry i for logical character i, entry <c>text.Length</c> for the end; longer arrays are allowed (the rest is unused), so builders can fill a buffer without copying it.</param>
    internal ShellSourceMap(string text, int[] map)
    {
        if (map.Length < text.Length + 1) throw new ArgumentException("The map needs one entry per character plus the end.", nameof(map));
        Text = text;
        _map = map;
    }

    /// <summary>The logical script text.</summary>
    public string Text { get; }

    /// <summary>A map where logical offset i is document offset <paramref name="start"/> + i (heredoc bodies, single-line texts).</summary>
    public static ShellSourceMap Contiguous(string text, int start)
    {
        var map = new int[text.Length + 1];
        for (var i = 0; i < map.Length; i++) map[i] = start + i;
        return new ShellSourceMap(text, map);
    }

    /// <summary>The document offset of the logical character at <paramref name="logicalOffset"/> (the end maps past the last character).</summary>
    public int ToDocumentOffset(int logicalOffset) => _map[Math.Clamp(logicalOffset, 0, Text.Length)];

    /// <summary>The document span of the logical range [start, end): from the first character to just past the last one.</summary>
    public TextSpan ToDocumentSpan(int logicalStart, int logicalEnd)
    {
        logicalStart = Math.Clamp(logicalStart, 0, Text.Length);
        logicalEnd = Math.Clamp(logicalEnd, logicalStart, Text.Length);
        var start = _map[logicalStart];
        if (logicalEnd == logicalStart) return new TextSpan(start, 0);
        var end = _map[logicalEnd - 1] + 1;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
