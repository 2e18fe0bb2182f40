namespace DockerLsp.Analysis;

/// <summary>
/// Extra meaning of a diagnostic that editors render specially (LSP DiagnosticTag): <see cref="Unnecessary"/> code is faded,
/// <see cref="Deprecated"/> code is struck through.
/// </summary>
[Flags]
public enum DiagnosticTags
{
    None = 0,
    Unnecessary = 1,
    Deprecated = 2,
}
