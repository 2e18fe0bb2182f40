namespace DockerLsp.Syntax.Shell;

/// <summary>
/// The outcome of one expansion. Exactly one of two shapes: succeeded (<see cref="ErrorMessage"/> null,
/// <see cref="ErrorOffset"/> -1) or failed (<see cref="Result"/> "" and <see cref="Words"/> empty, as BuildKit
/// returns nothing usable on error). <see cref="References"/>, <see cref="Matched"/> and <see cref="Unmatched"/>
/// hold what was seen before a failure, so callers can still offer hover or warnings on broken text.
/// </summary>
public sealed class ShellExpansionResult
{
    internal ShellExpansionResult(
        string result,
        IReadOnlyList<ShellWord> words,
        IReadOnlyList<VariableReference> references,
        IReadOnlyCollection<string> matched,
        IReadOnlyCollection<string> unmatched,
        string? errorMessage,
        int errorOffset)
    {
        Result = result;
        Words = words;
        References = references;
        Matched = matched;
        Unmatched = unmatched;
        ErrorMessage = errorMessage;
        ErrorOffset = errorMessage is null ? -1 : errorOffset;
    }

    /// <summary>True when the input expanded without error.</summary>
    public bool Succeeded => ErrorMessage is null;

    /// <summary>
    /// BuildKit's message without its <c>failed to process "…":</c> prefix, e.g. <c>syntax error: bad substitution</c>;
    /// null on success.
    /// </summary>
    public string? ErrorMessage { get; }

    /// <summary>The input offset where the failure was detected (the input length for "unexpected end"); -1 on success.</summary>
    public int ErrorOffset { get; }

    /// <summary>The single-word result: the whole input expanded, with no word splitting.</summary>
    public string Result { get; }

    /// <summary>The multi-word result (only filled by <see cref="ShellWordExpander.ExpandWords"/>).</summary>
    public IReadOnlyList<ShellWord> Words { get; }

    /// <summary>Every variable reference the expansion met, ordered by start offset, nested ones included.</summary>
    public IReadOnlyList<VariableReference> References { get; }

    /// <summary>Names that were looked up and found.</summary>
    public IReadOnlyCollection<string> Matched { get; }

    /// <summary>Names that were looked up and not found (positional and special parameters included).</summary>
    public IReadOnlyCollection<string> Unmatched { get; }
}
