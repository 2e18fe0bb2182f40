using System.Text;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Green;

/// <summary>Summary bits OR-ed upward at construction so that "does this subtree have X?" is O(1).</summary>
[Flags]
internal enum GreenFlags : byte
{
    None = 0,
    ContainsDiagnostics = 1,
    IsMissing = 2,
    ContainsMissing = 4,
    ContainsUnterminatedHeredoc = 8,
}

/// <summary>
/// The immutable, position-free core of the syntax tree (Roslyn's green layer). A green node knows its kind, its full
/// width (text including trivia) and its children, never its parent or position, so identical subtrees can be shared
/// between tree versions. Diagnostics are stored relative to the node's full start.
/// </summary>
internal abstract class GreenNode
{
    /// <summary>
    /// <paramref name="diagnostics"/> only sets <see cref="GreenFlags.ContainsDiagnostics"/>: the subclasses that can
    /// carry diagnostics store them (and override <see cref="Diagnostics"/>), so that the most numerous nodes, tokens and
    /// trivia, do not pay a field for a list they almost never have.
    /// </summary>
    protected GreenNode(SyntaxKind kind, int fullWidth, GreenFlags flags, SyntaxDiagnosticInfo[]? diagnostics)
    {
        Kind = kind;
        FullWidth = fullWidth;
        Flags = flags | (diagnostics is { Length: > 0 } ? GreenFlags.ContainsDiagnostics : GreenFlags.None);
    }

    public SyntaxKind Kind { get; }
    public int FullWidth { get; }
    public GreenFlags Flags { get; }

    /// <summary>Diagnostics positioned relative to this node's full start, or null.</summary>
    public virtual SyntaxDiagnosticInfo[]? Diagnostics => null;

    public bool ContainsDiagnostics => (Flags & GreenFlags.ContainsDiagnostics) != 0;
    public bool IsMissing => (Flags & GreenFlags.IsMissing) != 0;
    public bool ContainsMissing => (Flags & (GreenFlags.ContainsMissing | GreenFlags.IsMissing)) != 0;
    public bool ContainsUnterminatedHeredoc => (Flags & GreenFlags.ContainsUnterminatedHeredoc) != 0;

    public virtual bool IsToken => false;
    public virtual bool IsTrivia => false;

    public abstract int SlotCount { get; }
    public abstract GreenNode GetSlot(int index);

    /// <summary>Width of the leading trivia of the first token in this subtree.</summary>
    public abstract int LeadingTriviaWidth { get; }

    /// <summary>Width of the trailing trivia of the last token in this subtree.</summary>
    public abstract int TrailingTriviaWidth { get; }

    public abstract void WriteTo(StringBuilder builder);

    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder);
        return builder.ToString();
    }

    protected static GreenFlags InheritedFlags(GreenNode child)
    {
        var flags = child.Flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsMissing | GreenFlags.ContainsUnterminatedHeredoc);
        if (child.IsMissing) flags |= GreenFlags.ContainsMissing;
        return flags;
    }
}
