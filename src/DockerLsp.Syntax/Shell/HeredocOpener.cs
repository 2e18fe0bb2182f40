namespace DockerLsp.Syntax.Shell;

/// <summary>
/// A heredoc opener such as <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-'EOF'</c> or <c>3&lt;&lt;IN</c>.
/// <see cref="Name"/> is the terminator with quotes removed; <see cref="Chomp"/> is the <c>-</c> (strip leading
/// tabs); <see cref="Expand"/> is false when any part of the name was quoted; <see cref="FileDescriptor"/> is the
/// digit prefix (0 when absent). <see cref="Start"/>/<see cref="Length"/> locate the opener's word in the string
/// that was searched.
/// </summary>
public readonly record struct HeredocOpener(string Name, bool Chomp, bool Expand, int FileDescriptor, int Start, int Length)
{
    /// <summary>The offset just past the opener's word.</summary>
    public int End => Start + Length;
}
