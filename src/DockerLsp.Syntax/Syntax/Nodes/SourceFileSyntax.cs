using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax;

/// <summary>
/// The root: parser directives, then a flat list of instructions, then the end-of-file token (whose leading trivia holds
/// trailing comments and blank lines). Semantic facts (stages, scopes) live outside the tree.
/// </summary>
public sealed class SourceFileSyntax : SyntaxNode
{
    private readonly SyntaxTree? _tree;
    private IReadOnlyList<InstructionSyntax>? _instructions;

    internal SourceFileSyntax(GreenNode green, SyntaxTree? tree) : base(green, null, 0)
    {
        _tree = tree;
    }

    public override SyntaxTree? SyntaxTree => _tree;

    /// <summary>The parser directives (only the root's first slots are visited, not every instruction).</summary>
    public IEnumerable<ParserDirectiveSyntax> Directives
    {
        get
        {
            var count = ((GreenSourceFile)Green).Directives.Length;
            for (var i = 0; i < count; i++)
            {
                if (GetRedChild(i) is ParserDirectiveSyntax directive) yield return directive;
            }
        }
    }

    /// <summary>How the file's instruction keywords are cased, summed over memoized chunk counts (O(chunks) per version).</summary>
    public KeywordCasingCounts KeywordCasing
    {
        get
        {
            var sum = KeywordCasingCounts.Zero;
            foreach (var chunk in ((GreenSourceFile)Green).Chunks) sum += chunk.KeywordCasing;
            return sum;
        }
    }

    /// <summary>Top-level instructions in document order (materialized once per tree).</summary>
    public IReadOnlyList<InstructionSyntax> Instructions => _instructions ??= MaterializeInstructions();

    /// <summary>The number of top-level instructions.</summary>
    public int InstructionCount => ((GreenSourceFile)Green).InstructionCount;

    /// <summary>
    /// The top-level instruction at <paramref name="index"/>, creating only its red node (not every instruction's, as
    /// <see cref="Instructions"/> does): analysing one stage of a large file should not materialize the whole file.
    /// </summary>
    public InstructionSyntax GetInstruction(int index)
    {
        if (_instructions is { } all) return all[index];
        var root = (GreenSourceFile)Green;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, root.InstructionCount);
        var slot = root.Directives.Length + index;
        return (InstructionSyntax)GetOrCreateRedChild(slot, Position + root.GetSlotOffset(slot))!;
    }

    /// <summary>The indices of the top-level instructions of <paramref name="kind"/>, in order (one pass over the green nodes, no red nodes).</summary>
    public int[] IndicesOf(SyntaxKind kind)
    {
        var found = new List<int>();
        var index = 0;
        foreach (var chunk in ((GreenSourceFile)Green).Chunks)
        {
            foreach (var item in chunk.Items)
            {
                if (item.Kind == kind) found.Add(index);
                index++;
            }
        }
        return [.. found];
    }

    /// <summary>The <see cref="SyntaxNode.IncrementalIdentity"/> of <paramref name="count"/> instructions from <paramref name="first"/> on, without red nodes.</summary>
    public object[] GetInstructionIdentities(int first, int count)
    {
        var root = (GreenSourceFile)Green;
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, root.InstructionCount);
        var greens = new GreenNode[count];
        root.CopyInstructions(first, greens);
        return greens;
    }

    /// <summary>
    /// Creates the red instruction nodes in one sequential pass over the root's chunks, accumulating positions as it goes:
    /// asking for each child by index would recompute its offset inside its chunk (O(chunk) per instruction).
    /// </summary>
    private InstructionSyntax[] MaterializeInstructions()
    {
        var root = (GreenSourceFile)Green;
        var result = new InstructionSyntax[root.InstructionCount];
        var slot = root.Directives.Length;
        var position = Position + root.DirectivesWidth;
        var count = 0;
        foreach (var chunk in root.Chunks)
        {
            foreach (var item in chunk.Items)
            {
                if (GetOrCreateRedChild(slot, position) is InstructionSyntax instruction) result[count++] = instruction;
                position += item.FullWidth;
                slot++;
            }
        }
        return count == result.Length ? result : result[..count];
    }

    public SyntaxToken EndOfFileToken => GetToken(SyntaxKind.EndOfFileToken);

    /// <summary>The top-level instruction whose full span contains <paramref name="position"/>, if any (binary search).</summary>
    public InstructionSyntax? FindInstruction(int position)
    {
        if (_instructions is null)
        {
            // Not materialized: search the green chunks and create the one red node found.
            var index = ((GreenSourceFile)Green).FindInstructionIndex(position - Position);
            return index < 0 ? null : GetInstruction(index);
        }
        var list = _instructions;
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var span = list[mid].FullSpan;
            if (position < span.Start) hi = mid - 1;
            else if (position >= span.End) lo = mid + 1;
            else return list[mid];
        }
        return null;
    }
}

/// <summary>
/// A parser directive line at the top of the file (<c># syntax=...</c>, <c># escape=...</c>, <c># check=...</c>).
/// <see cref="Name"/> is lower-cased; <see cref="Value"/> is trimmed as BuildKit trims it.
/// </summary>
public sealed class ParserDirectiveSyntax : SyntaxNode
{
    internal ParserDirectiveSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken HashToken => GetToken(SyntaxKind.HashToken);
    public SyntaxToken NameToken => GetToken(SyntaxKind.DirectiveNameToken);
    public SyntaxToken EqualsToken => GetToken(SyntaxKind.EqualsToken);
    public SyntaxToken ValueToken => GetToken(SyntaxKind.DirectiveValueToken);
    public string Name => NameToken.Text.ToLowerInvariant();
    public string Value => ValueToken.Text;
}
