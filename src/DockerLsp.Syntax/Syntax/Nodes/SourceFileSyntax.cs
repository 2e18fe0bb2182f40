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
        var list = Instructions;
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
