namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Which <c>${name…}</c> form a reference uses. The names follow POSIX parameter expansion;
/// the comment on each member shows its spelling.
/// </summary>
public enum VariableModifier
{
    /// <summary><c>$x</c> or <c>${x}</c>.</summary>
    None,

    /// <summary><c>${x:-word}</c>.</summary>
    DefaultIfUnsetOrEmpty,

    /// <summary><c>${x-word}</c>.</summary>
    DefaultIfUnset,

    /// <summary><c>${x:+word}</c>.</summary>
    AlternativeIfSetAndNotEmpty,

    /// <summary><c>${x+word}</c>.</summary>
    AlternativeIfSet,

    /// <summary><c>${x:?message}</c>.</summary>
    ErrorIfUnsetOrEmpty,

    /// <summary><c>${x?message}</c>.</summary>
    ErrorIfUnset,

    /// <summary><c>${x#pattern}</c>.</summary>
    RemoveShortestPrefix,

    /// <summary><c>${x##pattern}</c>.</summary>
    RemoveLongestPrefix,

    /// <summary><c>${x%pattern}</c>.</summary>
    RemoveShortestSuffix,

    /// <summary><c>${x%%pattern}</c>.</summary>
    RemoveLongestSuffix,

    /// <summary><c>${x/pattern/replacement}</c>.</summary>
    ReplaceFirst,

    /// <summary><c>${x//pattern/replacement}</c>.</summary>
    ReplaceAll,

    /// <summary>
    /// Any other character after the name, such as <c>${x:=word}</c>. BuildKit rejects these, but the
    /// reference still names a variable, which hover and rename want to see.
    /// </summary>
    Unsupported,
}

/// <summary>
/// A <c>$name</c> or <c>${name…}</c> occurrence in some input string. <see cref="Start"/>/<see cref="Length"/>
/// cover the whole reference (from <c>$</c> through the closing <c>}</c>, or to the end of the input when the
/// brace is missing); <see cref="NameStart"/>/<see cref="NameLength"/> cover just the name. All offsets are UTF-16
/// indexes into the string that was scanned.
/// </summary>
public readonly record struct VariableReference(
    string Name,
    int Start,
    int Length,
    int NameStart,
    int NameLength,
    VariableModifier Modifier,
    bool IsBraced)
{
    /// <summary>The offset just past the reference.</summary>
    public int End => Start + Length;
}
