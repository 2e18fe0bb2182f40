using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DockerLsp.Analysis.Semantics;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// A whole-stage answer computed once per semantic model and stage, for rules that would otherwise recompute it for every
/// instruction or every fix (which makes a long stage quadratic). Entries live as long as their model; a computation that is
/// cancelled stores nothing, so the next caller computes it again.
/// </summary>
internal sealed class StageMemo<T>(Func<SemanticModel, BuildStage, CancellationToken, T> compute)
{
    private readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<BuildStage, T>> _values = [];

    public T Get(SemanticModel model, BuildStage stage, CancellationToken cancellationToken) =>
        _values.GetValue(model, static _ => new()).GetOrAdd(stage, static (stage, state) => state.Compute(state.Model, stage, state.CancellationToken),
            (Model: model, CancellationToken: cancellationToken, Compute: compute));
}
