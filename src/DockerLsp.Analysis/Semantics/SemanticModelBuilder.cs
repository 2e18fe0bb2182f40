using System.Collections.Immutable;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// Builds a <see cref="SemanticModel"/> in one pass over the top-level instructions: global ARGs, stages and their bases,
/// per-instruction scopes (ARG sequentially, ENV with the values before the instruction, as BuildKit does), build state and
/// stage references.
/// </summary>
internal static partial class SemanticModelBuilder
{
    public static SemanticModel Build(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var escape = tree.EscapeCharacter;
        var instructions = tree.Root.Instructions;
        var globalScope = ImmutableDictionary.Create<string, VariableSymbol>(StringComparer.Ordinal);
        foreach (var platform in PredefinedVariables.PlatformArgs)
        {
            globalScope = globalScope.SetItem(platform, new VariableSymbol(platform, VariableKind.Predefined, null, default, null, null, null));
        }

        var globalArgs = ImmutableArray.CreateBuilder<VariableSymbol>();
        var globalInstructions = ImmutableArray.CreateBuilder<InstructionSyntax>();
        var allDeclarations = ImmutableArray.CreateBuilder<VariableSymbol>();
        var facts = new Dictionary<int, SemanticModel.InstructionFacts>();
        var index = 0;
        for (; index < instructions.Count && instructions[index] is not FromInstructionSyntax; index++)
        {
            var instruction = instructions[index];
            globalInstructions.Add(instruction);
            facts[instruction.Span.Start] = new SemanticModel.InstructionFacts(null, globalScope, BuildState.Initial, BuildState.Initial);
            if (instruction is ArgInstructionSyntax arg)
            {
                foreach (var declaration in arg.Declarations)
                {
                    var symbol = DeclareArg(declaration, VariableKind.GlobalArg, null, globalScope, null, escape);
                    globalScope = globalScope.SetItem(symbol.Name, symbol);
                    globalArgs.Add(symbol);
                    allDeclarations.Add(symbol);
                }
            }
        }

        // Stages: group instructions, resolve bases against earlier stage names.
        var stageGroups = new List<(FromInstructionSyntax From, List<InstructionSyntax> Body)>();
        for (; index < instructions.Count; index++)
        {
            if (instructions[index] is FromInstructionSyntax from) stageGroups.Add((from, [from]));
            else stageGroups[^1].Body.Add(instructions[index]);
        }

        var stages = ImmutableArray.CreateBuilder<BuildStage>();
        foreach (var (from, body) in stageGroups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var imageText = from.Image?.Text ?? string.Empty;
            var expanded = VariableExpansion.Expand(imageText, globalScope, escape);
            var lower = expanded.ToLowerInvariant();
            var baseStage = stages.LastOrDefault(s => s.NormalizedName is not null && s.NormalizedName == lower);
            var baseImage = baseStage is null ? ImageReference.Parse(expanded) : null;
            stages.Add(new BuildStage(stages.Count, from, [.. body], baseImage, baseStage, expanded));
        }

        var references = ImmutableArray.CreateBuilder<StageReference>();
        var finalScopes = new Dictionary<BuildStage, ImmutableDictionary<string, VariableSymbol>>();
        var finalStates = new Dictionary<BuildStage, BuildState>();
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scope = ImmutableDictionary.Create<string, VariableSymbol>(StringComparer.Ordinal);
            var state = stage.IsWindows ? BuildState.InitialWindows : BuildState.Initial;
            if (stage.BaseStage is { } parent)
            {
                // ENV (not ARG) is inherited through FROM <stage>; so is the build state.
                scope = scope.SetItems(finalScopes[parent].Where(pair => pair.Value.Kind == VariableKind.Env));
                state = finalStates[parent];
            }
            foreach (var proxy in PredefinedVariables.ProxyArgs)
            {
                if (!scope.ContainsKey(proxy)) scope = scope.SetItem(proxy, new VariableSymbol(proxy, VariableKind.Predefined, null, default, null, null, null));
            }

            references.Add(new StageReference(StageReferenceKind.FromBase, stage, stage.From, stage.BaseText,
                stage.From.Image?.Span ?? stage.From.Keyword.Span, stage.BaseStage, stage.BaseImage, StageReferenceProblem.None));

            foreach (var instruction in stage.Instructions)
            {
                var before = scope;
                var stateBefore = state;
                (scope, state) = Apply(instruction, stage, scope, globalScope, state, escape, allDeclarations);
                facts[instruction.Span.Start] = new SemanticModel.InstructionFacts(stage, before, stateBefore, state);
                CollectReferences(instruction, stage, stages, before, escape, references);
            }
            finalScopes[stage] = scope;
            finalStates[stage] = state;
        }

        return new SemanticModel(tree, stages.ToImmutable(), globalArgs.ToImmutable(), references.ToImmutable(), facts, globalInstructions.ToImmutable())
        {
            FromScope = globalScope,
            AllDeclarations = allDeclarations.ToImmutable(),
        };
    }

    /// <summary>The effect of one instruction on the scope and the build state.</summary>
    private static (ImmutableDictionary<string, VariableSymbol>, BuildState) Apply(
        InstructionSyntax instruction, BuildStage stage, ImmutableDictionary<string, VariableSymbol> scope,
        ImmutableDictionary<string, VariableSymbol> globalScope, BuildState state, char escape, ImmutableArray<VariableSymbol>.Builder declarations)
    {
        switch (instruction)
        {
            case ArgInstructionSyntax arg:
                foreach (var declaration in arg.Declarations)
                {
                    var symbol = DeclareArg(declaration, VariableKind.StageArg, stage, scope, globalScope, escape);
                    declarations.Add(symbol);
                    // An ENV of the same name keeps precedence over the ARG in expansions.
                    if (scope.TryGetValue(symbol.Name, out var existing) && existing.Kind == VariableKind.Env) continue;
                    scope = scope.SetItem(symbol.Name, symbol);
                }
                break;
            case EnvInstructionSyntax env:
                var envScopeForValues = scope;
                foreach (var pair in env.Pairs)
                {
                    if (pair.KeyToken.Kind == SyntaxKind.None || pair.Key.Length == 0) continue;
                    var raw = pair.Value;
                    var value = VariableExpansion.Expand(raw, envScopeForValues, escape);
                    var symbol = new VariableSymbol(pair.Key, VariableKind.Env, pair, pair.KeyToken.Span, raw, value.Contains('$') ? null : value, stage);
                    declarations.Add(symbol);
                    scope = scope.SetItem(pair.Key, symbol);
                }
                break;
            case UserInstructionSyntax user:
                state = state with { User = VariableExpansion.Expand(user.Value, scope, escape), UserInstruction = user };
                break;
            case WorkdirInstructionSyntax workdir:
                var path = VariableExpansion.Expand(workdir.Value, scope, escape);
                state = state with { Workdir = CombineWorkdir(state.Workdir, path), WorkdirInstruction = workdir };
                break;
            case ShellInstructionSyntax shell when shell.ExecForm is { } exec:
                state = state with { Shell = [.. exec.Values], ShellInstruction = shell };
                break;
        }
        return (scope, state);
    }

    private static VariableSymbol DeclareArg(ArgDeclarationSyntax declaration, VariableKind kind, BuildStage? stage,
        ImmutableDictionary<string, VariableSymbol> scope, ImmutableDictionary<string, VariableSymbol>? globalScope, char escape)
    {
        var name = declaration.Name;
        string? raw = declaration.DefaultValue;
        string? value;
        if (raw is not null)
        {
            var expanded = VariableExpansion.Expand(raw, scope, escape);
            value = expanded.Contains('$') ? null : expanded;
        }
        else if (globalScope is not null && globalScope.TryGetValue(name, out var global) && global.Kind == VariableKind.GlobalArg)
        {
            // "ARG NAME" in a stage takes the global default.
            value = global.Value;
            raw = global.RawValue;
        }
        else
        {
            value = null;
        }
        return new VariableSymbol(name, kind, declaration, declaration.NameToken.Span, raw, value, stage);
    }

    private static string CombineWorkdir(string? current, string path)
    {
        if (path.StartsWith('/') || path.Contains('$') || current is null) return path;
        return current.TrimEnd('/') + "/" + path;
    }
}
