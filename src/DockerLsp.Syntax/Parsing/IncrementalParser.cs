using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Instruction-granularity reparse (docs/syntax.md): find the old instruction containing the change, restart there (one
/// instruction earlier when the change is at its start), read new instructions until the reader stands at a line that
/// maps back to the start of an unchanged old instruction past the change, then splice old prefix + new + old suffix.
/// Sound because an instruction's extent and shape depend only on its own text and the escape character. Falls back to a
/// full parse whenever the change touches the directive block or the first instruction.
/// Cost: a walk over the root's chunks, the reparsed instructions, the rebuilt chunk(s) and the chunk list — nothing
/// per unchanged instruction.
/// </summary>
internal static class IncrementalParser
{
    public static (GreenSourceFile Root, char Escape)? TryReparse(SyntaxTree oldTree, SourceText newText, CancellationToken cancellationToken)
    {
        var change = newText.GetChangeRangeFrom(oldTree.Text);
        var oldRoot = (GreenSourceFile)oldTree.Root.Green;
        if (oldRoot.InstructionCount < 2) return null;
        if (change.Span.Length == 0 && change.NewLength == 0) return (oldRoot, oldTree.EscapeCharacter);
        // Replacing most of the document: a full parse is as fast and simpler.
        if (change.Span.Length > oldTree.Text.Length / 2) return null;

        var chunks = oldRoot.Chunks;
        var changeStart = change.Span.Start;
        var firstEnd = oldRoot.DirectivesWidth + chunks[0].Items[0].FullWidth;
        if (changeStart < firstEnd) return null;

        // The instruction containing the change start, as (chunk, item) with its start offset. A change in the
        // end-of-file trivia, or exactly at an instruction's start, restarts one instruction earlier.
        var location = Locate(oldRoot, changeStart);
        if (location.AtEndOfFile || location.Start == changeStart) location = Previous(chunks, location);
        if (location.Chunk == 0 && location.Item == 0) return null;

        var text = newText.ToString();
        using var lease = InstructionReader.Rent(text, oldTree.EscapeCharacter);
        var reader = lease.Reader;
        var newNodes = new List<GreenNode>(4);
        var changeNewEnd = changeStart + change.NewLength;
        var position = location.Start;

        // The old instruction at or after the reader's position (mapped back to old coordinates), tracked forward.
        var old = location;
        var reuse = false;
        GreenToken? endOfFile = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (position >= changeNewEnd && position > location.Start)
            {
                var oldPosition = position - change.Delta;
                while (!old.AtEndOfFile && old.Start < oldPosition) old = Next(chunks, old);
                if (old.Start == oldPosition && (old.AtEndOfFile || IsReusable(chunks[old.Chunk].Items[old.Item])))
                {
                    reuse = true;
                    break;
                }
            }
            var result = reader.Read(position, new List<GreenTrivia>());
            if (result.Instruction is null)
            {
                endOfFile = Parser.MakeEndOfFile(result.TrailingTrivia, result.TrailingDiagnostics, result.End - Parser.TriviaWidth(result.TrailingTrivia));
                break;
            }
            newNodes.Add(result.Instruction);
            position = result.End;
        }

        // Rebuild the chunks from the restart's chunk up to the reuse point's chunk; share all others.
        var firstChunk = location.Chunk;
        var lastChunk = reuse && !old.AtEndOfFile ? old.Chunk : chunks.Length - 1;
        var middle = new List<GreenNode>(chunks[firstChunk].Items.Length + newNodes.Count + InstructionChunk.TargetSize);
        middle.AddRange(chunks[firstChunk].Items.AsSpan(0, location.Item));
        middle.AddRange(newNodes);
        if (reuse && !old.AtEndOfFile) middle.AddRange(chunks[lastChunk].Items.AsSpan(old.Item));

        var rebuilt = middle.Count <= 2 * InstructionChunk.TargetSize
            ? (middle.Count == 0 ? [] : [new InstructionChunk(middle.ToArray())])
            : InstructionChunk.Build(middle);
        var spliced = new InstructionChunk[firstChunk + rebuilt.Count + (chunks.Length - lastChunk - 1)];
        chunks[..firstChunk].CopyTo(spliced);
        rebuilt.CopyTo(spliced, firstChunk);
        chunks[(lastChunk + 1)..].CopyTo(spliced.AsSpan(firstChunk + rebuilt.Count));

        return (Parser.MakeRoot(oldRoot.Directives.ToArray(), spliced, endOfFile ?? oldRoot.EndOfFile, newText), oldTree.EscapeCharacter);
    }

    /// <summary>A position in the chunked instruction list: chunk and item index and the instruction's start offset.</summary>
    private readonly record struct Location(int Chunk, int Item, int Start, bool AtEndOfFile);

    private static Location Locate(GreenSourceFile root, int position)
    {
        var chunks = root.Chunks;
        var start = root.DirectivesWidth;
        var chunk = 0;
        while (chunk < chunks.Length && start + chunks[chunk].Width <= position)
        {
            start += chunks[chunk].Width;
            chunk++;
        }
        if (chunk == chunks.Length) return new Location(chunks.Length - 1, chunks[^1].Items.Length, start, AtEndOfFile: true);
        var items = chunks[chunk].Items;
        var item = 0;
        while (start + items[item].FullWidth <= position)
        {
            start += items[item].FullWidth;
            item++;
        }
        return new Location(chunk, item, start, AtEndOfFile: false);
    }

    private static Location Previous(ReadOnlySpan<InstructionChunk> chunks, Location location)
    {
        var chunk = location.Chunk;
        var item = location.Item - 1;
        if (item < 0)
        {
            chunk--;
            item = chunks[chunk].Items.Length - 1;
        }
        return new Location(chunk, item, location.Start - chunks[chunk].Items[item].FullWidth, AtEndOfFile: false);
    }

    private static Location Next(ReadOnlySpan<InstructionChunk> chunks, Location location)
    {
        var start = location.Start + chunks[location.Chunk].Items[location.Item].FullWidth;
        var chunk = location.Chunk;
        var item = location.Item + 1;
        if (item == chunks[chunk].Items.Length)
        {
            if (chunk == chunks.Length - 1) return new Location(chunk, item, start, AtEndOfFile: true);
            chunk++;
            item = 0;
        }
        return new Location(chunk, item, start, AtEndOfFile: false);
    }

    private static bool IsReusable(GreenNode instruction) => !instruction.ContainsMissing && !instruction.ContainsUnterminatedHeredoc;
}
