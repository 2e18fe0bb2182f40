namespace DockerLsp.Syntax.Shell;

/// <summary>
/// One word produced by multi-word expansion. <see cref="Start"/>..<see cref="End"/> (end exclusive, UTF-16 offsets)
/// is the input range the word came from: from the construct that gave its first character to the construct that
/// gave its last one. When an unquoted expansion is split, the words it feeds share that expansion's range,
/// so ranges of neighbouring words may overlap.
/// </summary>
public readonly record struct ShellWord(string Text, int Start, int End);
