using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax;

/// <summary>
/// A red node: a lazy facade over a green node that adds the parent and the absolute position. Children are created
/// on first access and published lock-free, so a tree can be read from many threads. Red nodes are cheap to throw
/// away; the green node underneath is the real (shared, immutable) data.
/// </summary>
public abstract partial class SyntaxNode
{
    private SyntaxNode?[]? _children;
    private int[]? _childOffsets;

    internal SyntaxNode(GreenNode green, SyntaxNode? parent, int position)
    {
        Green = green;
        Parent = parent;
        Position = position;
    }

    internal GreenNode Green { get; }
    public SyntaxNode? Parent { get; }

    /// <summary>Absolute offset of the node's full start (including leading trivia).</summary>
    public int Position { get; }

    public SyntaxKind Kind => Green.Kind;
    public TextSpan FullSpan => new(Position, Green.FullWidth);

    /// <summary>The span without the leading trivia of the first token and the trailing trivia of the last.</summary>
    public TextSpan Span
    {
        get
        {
            var start = Position + Green.LeadingTriviaWidth;
            var end = Position + Green.FullWidth - Green.TrailingTriviaWidth;
            return end < start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
        }
    }

    public virtual SyntaxTree? SyntaxTree => Parent?.SyntaxTree;
    public bool ContainsDiagnostics => Green.ContainsDiagnostics;
    public bool ContainsMissing => Green.ContainsMissing;
    public int SlotCount => Green.SlotCount;

    /// <summary>
    /// An opaque identity of the node's content, shared by every tree version in which the incremental parser reused the node
    /// unchanged (the green node). Equal by reference only if the text is equal; unequal identities may still have equal text.
    /// Meant as a cache key for per-node results that do not depend on the node's position.
    /// </summary>
    public object IncrementalIdentity => Green;

    public string ToFullString() => Green.ToFullString();

    public override string ToString()
    {
        var full = ToFullString();
        var span = Span;
        return full.Substring(span.Start - Position, span.Length);
    }

    internal int GetChildPosition(int index)
    {
        // The root computes slot offsets from its chunks; an offset array per instruction would cost O(file) per version.
        if (Green is GreenSourceFile root) return Position + root.GetSlotOffset(index);
        var offsets = _childOffsets;
        if (offsets is null)
        {
            offsets = new int[Green.SlotCount + 1];
            var sum = 0;
            for (var i = 0; i < Green.SlotCount; i++)
            {
                offsets[i] = sum;
                sum += Green.GetSlot(i).FullWidth;
            }
            offsets[Green.SlotCount] = sum;
            Interlocked.CompareExchange(ref _childOffsets, offsets, null);
            offsets = _childOffsets!;
        }
        return Position + offsets[index];
    }

    /// <summary>The child at <paramref name="index"/> as a node or a token.</summary>
    public SyntaxNodeOrToken GetChild(int index)
    {
        var green = Green.GetSlot(index);
        if (green is GreenToken token) return new SyntaxToken(this, token, GetChildPosition(index), index);
        return GetRedChild(index)!;
    }

    internal SyntaxNode? GetRedChild(int index) => GetOrCreateRedChild(index, -1);

    /// <summary>The red child at <paramref name="index"/>; <paramref name="knownPosition"/> (when not -1) spares computing its offset.</summary>
    private protected SyntaxNode? GetOrCreateRedChild(int index, int knownPosition)
    {
        var green = Green.GetSlot(index);
        if (green.IsToken) return null;
        var children = _children;
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new SyntaxNode?[Green.SlotCount], null);
            children = _children!;
        }
        var existing = Volatile.Read(ref children[index]);
        if (existing is not null) return existing;
        var created = SyntaxNodeFactory.CreateRed(green, this, knownPosition >= 0 ? knownPosition : GetChildPosition(index));
        return Interlocked.CompareExchange(ref children[index], created, null) ?? created;
    }

    public IEnumerable<SyntaxNodeOrToken> ChildNodesAndTokens()
    {
        for (var i = 0; i < Green.SlotCount; i++) yield return GetChild(i);
    }

    public IEnumerable<SyntaxNode> ChildNodes()
    {
        for (var i = 0; i < Green.SlotCount; i++)
        {
            if (!Green.GetSlot(i).IsToken) yield return GetRedChild(i)!;
        }
    }

    public IEnumerable<SyntaxToken> ChildTokens()
    {
        for (var i = 0; i < Green.SlotCount; i++)
        {
            if (Green.GetSlot(i) is GreenToken token) yield return new SyntaxToken(this, token, GetChildPosition(i), i);
        }
    }

    public IEnumerable<SyntaxNode> DescendantNodes(bool includeSelf = false)
    {
        if (includeSelf) yield return this;
        foreach (var child in ChildNodes())
        {
            foreach (var descendant in child.DescendantNodes(includeSelf: true)) yield return descendant;
        }
    }

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        for (var i = 0; i < Green.SlotCount; i++)
        {
            var green = Green.GetSlot(i);
            if (green is GreenToken token)
            {
                yield return new SyntaxToken(this, token, GetChildPosition(i), i);
            }
            else
            {
                foreach (var descendant in GetRedChild(i)!.DescendantTokens()) yield return descendant;
            }
        }
    }

    public IEnumerable<SyntaxNode> Ancestors(bool includeSelf = false)
    {
        for (var node = includeSelf ? this : Parent; node is not null; node = node.Parent) yield return node;
    }

    public SyntaxToken GetFirstToken() => DescendantTokens().FirstOrDefault();
    public SyntaxToken GetLastToken() => DescendantTokens().LastOrDefault();

    /// <summary>
    /// The token whose full span (trivia included) contains <paramref name="position"/>; a position at the very end
    /// belongs to the last token. Positions outside the node are clamped, never thrown on.
    /// </summary>
    public SyntaxToken FindToken(int position)
    {
        // A position at (or past) the end belongs to the last token, which in a root is the end-of-file token.
        var atEnd = position >= FullSpan.End;
        position = Math.Clamp(position, Position, Math.Max(Position, FullSpan.End - 1));
        SyntaxNode node = this;
        while (true)
        {
            var count = node.Green.SlotCount;
            if (count == 0) return default;
            var index = atEnd ? count - 1 : node.FindChildIndex(position);
            var green = node.Green.GetSlot(index);
            if (green is GreenToken token) return new SyntaxToken(node, token, node.GetChildPosition(index), index);
            node = node.GetRedChild(index)!;
        }
    }

    private int FindChildIndex(int position)
    {
        var count = Green.SlotCount;
        int lo = 0, hi = count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (GetChildPosition(mid) <= position) lo = mid; else hi = mid - 1;
        }
        // Skip zero-width children so that a position lands on the token that actually covers it.
        while (lo + 1 < count && Green.GetSlot(lo).FullWidth == 0 && GetChildPosition(lo + 1) <= position) lo++;
        return lo;
    }

    /// <summary>All diagnostics in this subtree, with absolute spans, in document order.</summary>
    public IEnumerable<SyntaxDiagnostic> GetDiagnostics()
    {
        if (!Green.ContainsDiagnostics) yield break;
        foreach (var diagnostic in ToAbsolute(Green, Position)) yield return diagnostic;
        if (Green is GreenSourceFile root)
        {
            foreach (var diagnostic in GetRootDiagnostics(root)) yield return diagnostic;
            yield break;
        }
        for (var i = 0; i < Green.SlotCount; i++)
        {
            var green = Green.GetSlot(i);
            if (!green.ContainsDiagnostics) continue;
            if (green is GreenToken)
            {
                foreach (var diagnostic in ToAbsolute(green, GetChildPosition(i))) yield return diagnostic;
            }
            else
            {
                foreach (var diagnostic in GetRedChild(i)!.GetDiagnostics()) yield return diagnostic;
            }
        }
    }

    /// <summary>The root's diagnostics, skipping whole chunks of instructions without any (a large file has few).</summary>
    private IEnumerable<SyntaxDiagnostic> GetRootDiagnostics(GreenSourceFile root)
    {
        var slot = 0;
        var position = Position;
        foreach (var directive in root.Directives.ToArray())
        {
            if (directive.ContainsDiagnostics)
            {
                foreach (var diagnostic in GetOrCreateRedChild(slot, position)!.GetDiagnostics()) yield return diagnostic;
            }
            position += directive.FullWidth;
            slot++;
        }
        for (var c = 0; c < root.Chunks.Length; c++)
        {
            var chunk = root.Chunks[c];
            if ((chunk.Flags & GreenFlags.ContainsDiagnostics) == 0)
            {
                position += chunk.Width;
                slot += chunk.Items.Length;
                continue;
            }
            foreach (var item in chunk.Items)
            {
                if (item.ContainsDiagnostics)
                {
                    foreach (var diagnostic in GetOrCreateRedChild(slot, position)!.GetDiagnostics()) yield return diagnostic;
                }
                position += item.FullWidth;
                slot++;
            }
        }
        if (root.EndOfFile.ContainsDiagnostics)
        {
            foreach (var diagnostic in ToAbsolute(root.EndOfFile, position)) yield return diagnostic;
        }
    }

    private static IEnumerable<SyntaxDiagnostic> ToAbsolute(GreenNode green, int position)
    {
        if (green.Diagnostics is null) yield break;
        foreach (var info in green.Diagnostics)
        {
            yield return new SyntaxDiagnostic(info.Id, info.Severity, info.Message, new TextSpan(position + info.Offset, info.Length));
        }
    }

    protected SyntaxToken GetToken(SyntaxKind kind)
    {
        for (var i = 0; i < Green.SlotCount; i++)
        {
            if (Green.GetSlot(i) is GreenToken token && token.Kind == kind) return new SyntaxToken(this, token, GetChildPosition(i), i);
        }
        return default;
    }

    protected IEnumerable<SyntaxToken> GetTokens(SyntaxKind kind) => ChildTokens().Where(t => t.Kind == kind);

    protected T? GetNode<T>() where T : SyntaxNode
    {
        // A loop over the slots rather than ChildNodes().OfType<T>().FirstOrDefault(): properties such as FROM's Image are read
        // for every stage on every keystroke, and the LINQ form allocated three enumerators per call.
        for (var i = 0; i < Green.SlotCount; i++)
        {
            if (!Green.GetSlot(i).IsToken && GetRedChild(i) is T node) return node;
        }
        return null;
    }

    protected IEnumerable<T> GetNodes<T>() where T : SyntaxNode => ChildNodes().OfType<T>();
}
