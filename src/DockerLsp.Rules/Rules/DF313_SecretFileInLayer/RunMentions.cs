using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF313_SecretFileInLayer;

/// <summary>
/// Which RUNs of a stage mention which container paths, built once per stage so that DF313 looks up the RUNs that mention a
/// copied file instead of re-reading every later RUN for every COPY (which made a stage of many COPYs quadratic: 20,000 took
/// 88 s). A RUN mentions a path when one of its shell words, not an option, resolves to it against the RUN's WORKDIR, or is
/// an assignment-like word (<c>KEY=value</c>) ending with it: the same test as <see cref="CopiedFileInLayer"/>'s.
/// </summary>
internal sealed class RunMentions
{
    private readonly Dictionary<string, List<int>> _byResolvedPath = new(StringComparer.Ordinal);
    private readonly List<(int Index, string Value)> _assignments = [];

    private RunMentions()
    {
    }

    /// <summary>Indexes every RUN of <paramref name="stage"/> (instruction indices of <see cref="BuildStage.Instructions"/>).</summary>
    public static RunMentions Of(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        var mentions = new RunMentions();
        var instructions = stage.Instructions;
        for (var index = 0; index < instructions.Length; index++)
        {
            if (instructions[index] is not RunInstructionSyntax run) continue;
            var workdir = model.GetBuildState(run).Workdir;
            foreach (var token in model.GetShellScript(run, cancellationToken).Tokens)
            {
                if (token.Kind != ShellTokenKind.Word || token.Value.StartsWith('-')) continue;
                var path = ContainerPaths.Resolve(token.Value, workdir);
                if (!mentions._byResolvedPath.TryGetValue(path, out var runs)) mentions._byResolvedPath[path] = runs = [];
                if (runs.Count == 0 || runs[^1] != index) runs.Add(index);
                if (token.Value.Contains('=')) mentions._assignments.Add((index, token.Value));
            }
        }
        return mentions;
    }

    /// <summary>True when a word of a RUN's script refers to <paramref name="target"/> (the per-word test the index is built from).</summary>
    public static bool Refers(string value, string target, string? workdir) =>
        !value.StartsWith('-') && (ContainerPaths.Resolve(value, workdir) == target || value.EndsWith(target, StringComparison.Ordinal) && value.Contains('='));

    /// <summary>The indices of the RUNs after <paramref name="afterIndex"/> that mention <paramref name="target"/>, ascending.</summary>
    public IReadOnlyList<int> After(int afterIndex, string target)
    {
        var found = new SortedSet<int>();
        if (_byResolvedPath.TryGetValue(target, out var runs))
        {
            foreach (var index in runs) if (index > afterIndex) found.Add(index);
        }
        foreach (var (index, value) in _assignments)
        {
            if (index > afterIndex && value.EndsWith(target, StringComparison.Ordinal)) found.Add(index);
        }
        return [.. found];
    }
}
