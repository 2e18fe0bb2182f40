using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DockerLsp.Analysis.Semantics;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// The memory of the previous analysis of one document, handed back to the driver with each new version so that the findings
/// of stage-scoped callbacks (see <see cref="AnalysisContext"/>) are reused for every stage whose instructions, and whose base
/// stages' instructions, the incremental parser reused unchanged. Everything else (the parser's diagnostics, semantic-model
/// actions, configuration and suppressions) is recomputed on every analysis. The cache is dropped wholesale when anything a
/// stage may depend on outside itself changes: the configuration, the build context, the path, the parser directives, the
/// instructions before the first FROM or any FROM instruction. It holds diagnostics only (no text, no trees).
/// Thread-safe: concurrent analyses of versions of the same document each read the last published generation, and the last
/// one to finish publishes its own; a cancelled analysis publishes nothing.
/// </summary>
public sealed class AnalysisCache
{
    private Generation? _current;

    /// <summary>How many stages the last analysis took from the cache, and how many it analysed (for tests and logs).</summary>
    public (int Reused, int Analyzed) LastRun { get; private set; }

    internal Generation? Current => Volatile.Read(ref _current);

    internal void Publish(Generation generation, int reused, int analyzed)
    {
        Volatile.Write(ref _current, generation);
        LastRun = (reused, analyzed);
    }

    /// <summary>Drops everything remembered (the next analysis computes every stage).</summary>
    public void Clear() => Volatile.Write(ref _current, null);

    /// <summary>The stage results of one analysis, valid for one <see cref="DocumentKey"/>.</summary>
    internal sealed record Generation(DocumentKey Document, Dictionary<StageKey, StageResult> Stages);

    /// <summary>
    /// The findings of one stage, with spans relative to the stage's full start. <see cref="StartLine"/> matters only when
    /// <see cref="CitesLines"/>: such findings are reused only while the stage starts on the same line.
    /// </summary>
    internal sealed record StageResult(ImmutableArray<Diagnostic> RelativeDiagnostics, bool CitesLines, int StartLine);

    /// <summary>
    /// What every stage-scoped result may depend on outside its own stage: <paramref name="identities"/>, compared element by
    /// element by reference (the driver, configuration and build context, then the incremental identities of the directives,
    /// the global instructions and every FROM instruction), and <paramref name="values"/> compared with
    /// <see cref="object.Equals(object?, object?)"/> (the document's path and the analyzers' declared document inputs).
    /// </summary>
    internal sealed class DocumentKey(object?[] identities, object?[] values) : IEquatable<DocumentKey>
    {
        private readonly object?[] _identities = identities;
        private readonly object?[] _values = values;

        public bool Equals(DocumentKey? other) =>
            other is not null && SameReferences(_identities, other._identities) && _values.AsSpan().SequenceEqual(other._values);

        public override bool Equals(object? obj) => Equals(obj as DocumentKey);
        public override int GetHashCode() => HashReferences(_identities);
    }

    /// <summary>A stage's content: the incremental identities of its instructions, and the key of its base stage (ENV and build state are inherited).</summary>
    internal sealed class StageKey(object[] instructions, StageKey? baseStage) : IEquatable<StageKey>
    {
        private readonly object[] _instructions = instructions;
        // Hashing every identity costs a header lookup per instruction; the count and the two ends discriminate well enough
        // (equality still compares every identity).
        private readonly int _hash = HashCode.Combine(instructions.Length, RuntimeHelpers.GetHashCode(instructions[0]),
            RuntimeHelpers.GetHashCode(instructions[^1]), baseStage?.GetHashCode() ?? 0);

        public StageKey? BaseStage { get; } = baseStage;

        public static StageKey Create(BuildStage stage, StageKey? baseStage) => new(stage.GetInstructionIdentities(), baseStage);

        public bool Equals(StageKey? other)
        {
            if (ReferenceEquals(this, other)) return true;
            if (other is null || other._hash != _hash || !SameReferences(_instructions, other._instructions)) return false;
            return BaseStage is null ? other.BaseStage is null : BaseStage.Equals(other.BaseStage);
        }

        public override bool Equals(object? obj) => Equals(obj as StageKey);
        public override int GetHashCode() => _hash;
    }

    private static bool SameReferences(object?[] left, object?[] right)
    {
        if (left.Length != right.Length) return false;
        for (var i = 0; i < left.Length; i++)
        {
            if (!ReferenceEquals(left[i], right[i])) return false;
        }
        return true;
    }

    private static int HashReferences(object?[] parts)
    {
        var hash = new HashCode();
        foreach (var part in parts) hash.Add(part is null ? 0 : RuntimeHelpers.GetHashCode(part));
        return hash.ToHashCode();
    }
}
