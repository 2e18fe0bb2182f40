using System.Text;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Green;

/// <summary>
/// A node with an ordered list of children (tokens and nodes). The list has no null slots: optional parts are simply
/// absent, or present as missing tokens when the grammar requires them.
/// </summary>
internal class GreenInternalNode : GreenNode
{
    private readonly GreenNode[] _children;

    public GreenInternalNode(SyntaxKind kind, GreenNode[] children, SyntaxDiagnosticInfo[]? diagnostics = null, GreenFlags extraFlags = GreenFlags.None)
        : base(kind, SumWidths(children), CombineFlags(children) | extraFlags, diagnostics)
    {
        _children = children;
        _diagnostics = diagnostics;
    }

    private readonly SyntaxDiagnosticInfo[]? _diagnostics;

    public override SyntaxDiagnosticInfo[]? Diagnostics => _diagnostics;

    public override int SlotCount => _children.Length;
    public override GreenNode GetSlot(int index) => _children[index];
    internal ReadOnlySpan<GreenNode> Children => _children;

    public override int LeadingTriviaWidth
    {
        get
        {
            foreach (var child in _children)
            {
                if (child.FullWidth > 0 || child.IsToken) return child.LeadingTriviaWidth;
            }
            return 0;
        }
    }

    public override int TrailingTriviaWidth
    {
        get
        {
            for (var i = _children.Length - 1; i >= 0; i--)
            {
                if (_children[i].FullWidth > 0) return _children[i].TrailingTriviaWidth;
            }
            return 0;
        }
    }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var child in _children) child.WriteTo(builder);
    }

    /// <summary>A copy of this node with other children (diagnostics kept; used by the incremental splice of the root).</summary>
    public virtual GreenInternalNode WithChildren(GreenNode[] children, SyntaxDiagnosticInfo[]? diagnostics) => new(Kind, children, diagnostics);

    private static int SumWidths(GreenNode[] children)
    {
        var width = 0;
        foreach (var child in children) width += child.FullWidth;
        return width;
    }

    private static GreenFlags CombineFlags(GreenNode[] children)
    {
        var flags = GreenFlags.None;
        foreach (var child in children) flags |= InheritedFlags(child);
        return flags;
    }
}

/// <summary>What the parser learned about a heredoc opener, kept on the green heredoc node.</summary>
internal sealed record HeredocInfo(string Name, bool Chomp, bool Expand, int FileDescriptor);

/// <summary>A heredoc: body token then terminator token, plus the opener's facts.</summary>
internal sealed class GreenHeredocNode : GreenInternalNode
{
    public GreenHeredocNode(HeredocInfo info, GreenNode[] children, bool terminated, SyntaxDiagnosticInfo[]? diagnostics = null)
        : base(SyntaxKind.Heredoc, children, diagnostics, terminated ? GreenFlags.None : GreenFlags.ContainsUnterminatedHeredoc)
    {
        Info = info;
        IsTerminated = terminated;
    }

    public HeredocInfo Info { get; }
    public bool IsTerminated { get; }
}
