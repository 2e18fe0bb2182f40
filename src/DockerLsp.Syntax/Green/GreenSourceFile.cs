using System.Text;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Green;

/// <summary>
/// A run of consecutive top-level instructions, with their total width and combined flags. The root keeps its
/// instructions in chunks so that an incremental splice copies one chunk and the (short) chunk list, not every
/// instruction of the file.
/// </summary>
internal sealed class InstructionChunk
{
    /// <summary>Chunks are cut at this size when built; a splice may leave one up to twice as long.</summary>
    public const int TargetSize = 64;

    public InstructionChunk(GreenNode[] items)
    {
        Items = items;
        foreach (var item in items)
        {
            Width += item.FullWidth;
            Flags |= item.Flags;
            if (item.IsMissing) Flags |= GreenFlags.ContainsMissing;
        }
    }

    public GreenNode[] Items { get; }
    public int Width { get; }
    public GreenFlags Flags { get; }

    /// <summary>The keyword casing of the chunk's instructions, computed once (chunks are immutable and reused across versions).</summary>
    public KeywordCasingCounts KeywordCasing => _keywordCasing ??= KeywordCasingCounts.Of(Items);

    private KeywordCasingCounts? _keywordCasing;

    /// <summary>Cuts a list of instructions into chunks of <see cref="TargetSize"/>.</summary>
    public static List<InstructionChunk> Build(IReadOnlyList<GreenNode> instructions)
    {
        var chunks = new List<InstructionChunk>(instructions.Count / TargetSize + 1);
        for (var i = 0; i < instructions.Count; i += TargetSize)
        {
            var count = Math.Min(TargetSize, instructions.Count - i);
            var items = new GreenNode[count];
            for (var j = 0; j < count; j++) items[j] = instructions[i + j];
            chunks.Add(new InstructionChunk(items));
        }
        return chunks;
    }
}

/// <summary>
/// The green root. Presents the flat child list the red layer expects — directives, instructions, end-of-file token —
/// while storing the instructions in <see cref="InstructionChunk"/>s, so that slot lookup and slot offsets cost
/// O(log chunks + chunk size) and an edit rebuilds only the chunk it touches.
/// </summary>
internal sealed class GreenSourceFile : GreenNode
{
    private readonly GreenNode[] _directives;
    private readonly InstructionChunk[] _chunks;
    private readonly GreenToken _endOfFile;
    private readonly int[] _chunkFirstSlot;
    private readonly int[] _chunkOffset;
    private readonly int _directivesWidth;
    private readonly SyntaxDiagnosticInfo[]? _diagnostics;

    public override SyntaxDiagnosticInfo[]? Diagnostics => _diagnostics;

    public GreenSourceFile(GreenNode[] directives, InstructionChunk[] chunks, GreenToken endOfFile, SyntaxDiagnosticInfo[]? diagnostics)
        : base(SyntaxKind.SourceFile, Width(directives, chunks, endOfFile), Combine(directives, chunks, endOfFile), diagnostics)
    {
        _diagnostics = diagnostics;
        _directives = directives;
        _chunks = chunks;
        _endOfFile = endOfFile;
        _chunkFirstSlot = new int[chunks.Length + 1];
        _chunkOffset = new int[chunks.Length + 1];
        foreach (var directive in directives) _directivesWidth += directive.FullWidth;
        var slot = directives.Length;
        var offset = _directivesWidth;
        for (var i = 0; i < chunks.Length; i++)
        {
            _chunkFirstSlot[i] = slot;
            _chunkOffset[i] = offset;
            slot += chunks[i].Items.Length;
            offset += chunks[i].Width;
        }
        _chunkFirstSlot[chunks.Length] = slot;
        _chunkOffset[chunks.Length] = offset;
        InstructionCount = slot - directives.Length;
    }

    public ReadOnlySpan<GreenNode> Directives => _directives;
    public ReadOnlySpan<InstructionChunk> Chunks => _chunks;
    public GreenToken EndOfFile => _endOfFile;
    public int InstructionCount { get; }
    public int DirectivesWidth => _directivesWidth;

    public override int SlotCount => _directives.Length + InstructionCount + 1;

    public override GreenNode GetSlot(int index)
    {
        if (index < _directives.Length) return _directives[index];
        if (index == SlotCount - 1) return _endOfFile;
        var chunk = FindChunk(index);
        return _chunks[chunk].Items[index - _chunkFirstSlot[chunk]];
    }

    /// <summary>Offset of a slot from the root's start, without materializing an offset per instruction.</summary>
    public int GetSlotOffset(int index)
    {
        if (index < _directives.Length)
        {
            var offset = 0;
            for (var i = 0; i < index; i++) offset += _directives[i].FullWidth;
            return offset;
        }
        if (index >= SlotCount - 1) return _chunkOffset[_chunks.Length];
        var chunk = FindChunk(index);
        var position = _chunkOffset[chunk];
        var items = _chunks[chunk].Items;
        for (var i = _chunkFirstSlot[chunk]; i < index; i++) position += items[i - _chunkFirstSlot[chunk]].FullWidth;
        return position;
    }

    /// <summary>The index of the instruction whose full span contains <paramref name="offset"/> (from the root's start), or -1.</summary>
    public int FindInstructionIndex(int offset)
    {
        if (_chunks.Length == 0 || offset < _chunkOffset[0] || offset >= _chunkOffset[_chunks.Length]) return -1;
        var lo = LastChunkStartingAtOrBefore(_chunkOffset, offset);
        var position = _chunkOffset[lo];
        var items = _chunks[lo].Items;
        for (var i = 0; i < items.Length; i++)
        {
            position += items[i].FullWidth;
            if (offset < position) return _chunkFirstSlot[lo] - _directives.Length + i;
        }
        return -1;
    }

    /// <summary>Copies the instructions from index <paramref name="first"/> on (instruction indices, not slots) into <paramref name="destination"/>.</summary>
    public void CopyInstructions(int first, Span<GreenNode> destination)
    {
        if (destination.IsEmpty) return;
        var slot = _directives.Length + first;
        var chunk = FindChunk(slot);
        var item = slot - _chunkFirstSlot[chunk];
        for (var i = 0; i < destination.Length; i++)
        {
            while (item >= _chunks[chunk].Items.Length)
            {
                chunk++;
                item = 0;
            }
            destination[i] = _chunks[chunk].Items[item++];
        }
    }

    private int FindChunk(int slot) => LastChunkStartingAtOrBefore(_chunkFirstSlot, slot);

    /// <summary>
    /// The last chunk whose start in <paramref name="starts"/> (first slots or offsets, one per chunk plus an end entry, ascending)
    /// is at most <paramref name="value"/>; 0 when none is.
    /// </summary>
    private int LastChunkStartingAtOrBefore(int[] starts, int value)
    {
        int lo = 0, hi = _chunks.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= value) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    public override int LeadingTriviaWidth
    {
        get
        {
            if (_directives.Length > 0) return _directives[0].LeadingTriviaWidth;
            if (_chunks.Length > 0) return _chunks[0].Items[0].LeadingTriviaWidth;
            return _endOfFile.LeadingTriviaWidth;
        }
    }

    public override int TrailingTriviaWidth =>
        _endOfFile.FullWidth > 0 ? 0 : _chunks.Length > 0 ? _chunks[^1].Items[^1].TrailingTriviaWidth :
        _directives.Length > 0 ? _directives[^1].TrailingTriviaWidth : 0;

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var directive in _directives) directive.WriteTo(builder);
        foreach (var chunk in _chunks)
        {
            foreach (var item in chunk.Items) item.WriteTo(builder);
        }
        _endOfFile.WriteTo(builder);
    }

    private static int Width(GreenNode[] directives, InstructionChunk[] chunks, GreenToken endOfFile)
    {
        var width = endOfFile.FullWidth;
        foreach (var directive in directives) width += directive.FullWidth;
        foreach (var chunk in chunks) width += chunk.Width;
        return width;
    }

    private static GreenFlags Combine(GreenNode[] directives, InstructionChunk[] chunks, GreenToken endOfFile)
    {
        var flags = InheritedFlags(endOfFile);
        foreach (var directive in directives) flags |= InheritedFlags(directive);
        foreach (var chunk in chunks) flags |= chunk.Flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsMissing | GreenFlags.ContainsUnterminatedHeredoc);
        return flags;
    }
}
