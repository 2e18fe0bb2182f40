using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Rules.Rules.DF303_VolatileValueDeclaredEarly;

/// <summary>A declaration DF303 reports: the name to show and its token, how many cached steps it needlessly invalidates, and where it should go.</summary>
internal sealed record VolatileDeclaration(InstructionSyntax Instruction, string Name, SyntaxToken NameToken, IReadOnlySet<string> DeclaredNames, int InvalidatedSteps, bool CanMove, InstructionMove Move);

/// <summary>
/// Finds volatile declarations placed too early in each stage. An ARG or ENV (with a volatile name, or a value made from one)
/// reaches every RUN after it, so each such RUN that does not use it misses the cache on every build; its proper place is just
/// before its first use (the first instruction naming it, or the first RUN that might read it from the environment), or the end of
/// the stage. A LABEL made from a volatile value only matters to the classic builder, which re-runs every step after a changed
/// instruction; it goes to the end of the stage. Declarations are resolved from the last to the first, so an ARG whose first use is
/// a volatile ENV that moves follows that ENV.
/// </summary>
internal static class VolatileDeclarations
{
    public static IReadOnlyList<VolatileDeclaration> Find(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        var tree = model.SyntaxTree;
        var instructions = stage.Instructions;
        var volatileNames = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(int Index, IReadOnlySet<string> Names, string Shown, SyntaxToken Token, bool All)>();
        for (var i = 1; i < instructions.Length; i++)
        {
            if (Classify(tree, instructions[i], volatileNames) is { } candidate) candidates.Add((i, candidate.Names, candidate.Shown, candidate.Token, candidate.All));
        }

        var results = new Dictionary<int, VolatileDeclaration>();
        var byIndex = new Dictionary<int, VolatileDeclaration>();
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (index, names, shown, token, all) = candidates[c];
            var instruction = instructions[index];
            var isLabel = instruction is LabelInstructionSyntax;
            var invalidated = 0;
            InstructionSyntax? stop = null;
            var followsDeclaration = false;
            for (var j = index + 1; j < instructions.Length && stop is null; j++)
            {
                var next = instructions[j];
                if (isLabel)
                {
                    if (StageFacts.IsBuildStep(next)) invalidated++;
                    continue;
                }
                if (VariableUses.Mentions(tree, next, names))
                {
                    // A volatile LABEL goes to the end of the stage, so it stays after us wherever we land: not a first use.
                    if (next is LabelInstructionSyntax && byIndex.TryGetValue(j, out var label) && label.CanMove) continue;
                    if (byIndex.TryGetValue(j, out var follower) && follower.CanMove)
                    {
                        // Our first use is a volatile declaration that moves: we go just before it, wherever it goes.
                        invalidated += follower.InvalidatedSteps;
                        followsDeclaration = true;
                    }
                    stop = next;
                    break;
                }
                if (next is OnBuildInstructionSyntax) { stop = next; break; }
                if (next is not RunInstructionSyntax run) continue;
                if (!EnvironmentIndependence.IsIndependent(model.GetShellScript(run, cancellationToken))) { stop = next; break; }
                invalidated++;
            }

            InstructionMove move;
            if (stop is null)
            {
                if (index == instructions.Length - 1) continue;
                move = new InstructionMove(instruction, instructions[^1], MoveSlot.AfterAnchor);
            }
            else
            {
                var target = RunChains.Head(model, stage, stop, cancellationToken);
                var targetIndex = StageFacts.IndexOf(stage, target);
                // RUNs of the chain before the first use stay behind us; count only what we really skip.
                for (var k = targetIndex; k < StageFacts.IndexOf(stage, stop); k++)
                {
                    if (instructions[k] is RunInstructionSyntax) invalidated--;
                }
                if (targetIndex <= index + 1 && !followsDeclaration) continue;
                move = new InstructionMove(instruction, target, MoveSlot.BeforeAnchor);
            }
            if (invalidated <= 0) continue;
            var declaration = new VolatileDeclaration(instruction, shown, token, names, invalidated, all, move);
            results[index] = declaration;
            byIndex[index] = declaration;
        }
        return results.OrderBy(r => r.Key).Select(r => r.Value).ToList();
    }

    /// <summary>The volatile names an ARG/ENV declares (or, for a LABEL, the volatile variables it uses); null when nothing is volatile.</summary>
    private static (IReadOnlySet<string> Names, string Shown, SyntaxToken Token, bool All)? Classify(SyntaxTree tree, InstructionSyntax instruction, HashSet<string> volatileNames)
    {
        switch (instruction)
        {
            case ArgInstructionSyntax arg:
                {
                    var volatileOnes = arg.Declarations.Where(d => VolatileNames.IsVolatileDeclaration(d.Name, d.DefaultValue) || UsesAny(tree, d.DefaultValue, volatileNames)).ToList();
                    foreach (var d in volatileOnes) volatileNames.Add(d.Name);
                    if (volatileOnes.Count == 0) return null;
                    return (volatileOnes.Select(d => d.Name).ToHashSet(StringComparer.Ordinal), volatileOnes[0].Name, volatileOnes[0].NameToken, volatileOnes.Count == arg.Declarations.Count);
                }
            case EnvInstructionSyntax env:
                {
                    var pairs = env.Pairs;
                    var volatileOnes = pairs.Where(p => VolatileNames.IsVolatileDeclaration(p.Key, p.Value) || UsesAny(tree, p.Value, volatileNames)).ToList();
                    foreach (var p in volatileOnes) volatileNames.Add(p.Key);
                    if (volatileOnes.Count == 0) return null;
                    return (volatileOnes.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), volatileOnes[0].Key, volatileOnes[0].KeyToken, volatileOnes.Count == pairs.Count);
                }
            case LabelInstructionSyntax label:
                {
                    var volatileOnes = label.Pairs.Where(p => UsesAny(tree, p.Value, volatileNames)).ToList();
                    if (volatileOnes.Count == 0) return null;
                    return (new HashSet<string>(StringComparer.Ordinal), volatileOnes[0].Key, volatileOnes[0].KeyToken, volatileOnes.Count == label.Pairs.Count);
                }
            default:
                return null;
        }
    }

    private static bool UsesAny(SyntaxTree tree, string? value, HashSet<string> names) =>
        value is not null && VariableReferenceScanner.Find(value, tree.EscapeCharacter).Any(r => names.Contains(r.Name));
}
