using System.Runtime.InteropServices;
using System.Collections.Immutable;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// Builds a <see cref="SemanticModel"/>: eagerly the global ARGs and the stages with their bases (one pass over the top-level
/// instructions), and, per stage on first use, the per-instruction scopes (ARG sequentially, ENV with the values before the
/// instruction, as BuildKit does), build states and stage references. Per-stage laziness keeps the cost of analysing one
/// changed stage independent of the size of the file.
/// </summary>
internal static partial class SemanticModelBuilder
{
    public static SemanticModel Build(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var escape = tree.EscapeCharacter;
        var root = tree.Root;
        var instructionCount = root.InstructionCount;
        // Stages start at the FROM instructions, found on the green nodes: red nodes are created for the FROMs and the
        // instructions before the first one only (a stage's other instructions materialize when something reads them).
        var fromIndices = root.IndicesOf(SyntaxKind.FromInstruction);
        var firstFrom = fromIndices.Length == 0 ? instructionCount : fromIndices[0];
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
        for (; index < firstFrom; index++)
        {
            var instruction = root.GetInstruction(index);
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

        // Stages: resolve bases against earlier stage names.
        var stages = ImmutableArray.CreateBuilder<BuildStage>(fromIndices.Length);
        var earlierByName = new Dictionary<string, BuildStage>(StringComparer.Ordinal);
        for (var k = 0; k < fromIndices.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = fromIndices[k];
            var count = (k + 1 < fromIndices.Length ? fromIndices[k + 1] : instructionCount) - first;
            var from = (FromInstructionSyntax)root.GetInstruction(first);
            var imageText = from.Image?.Text ?? string.Empty;
            var expanded = VariableExpansion.Expand(imageText, globalScope, escape);
            var baseStage = earlierByName.GetValueOrDefault(expanded.ToLowerInvariant());
            var baseImage = baseStage is null ? ImageReference.Parse(expanded) : null;
            var stage = new BuildStage(stages.Count, from, root, first, count, baseImage, baseStage, expanded);
            stages.Add(stage);
            // The last earlier stage of a name wins, as BuildKit resolves duplicates.
            if (stage.NormalizedName is { } name) earlierByName[name] = stage;
        }

        return new SemanticModel(tree, stages.ToImmutable(), globalArgs.ToImmutable(), facts, globalInstructions.ToImmutable(), allDeclarations.ToImmutable())
        {
            FromScope = globalScope,
        };
    }

    /// <summary>
    /// The facts of one stage: per-instruction scopes and build states, its stage references and declarations. Needs the
    /// final scope and state of the stage's base stage (<paramref name="parent"/>), since ENV and the build state are inherited
    /// through <c>FROM &lt;stage&gt;</c>; nothing else outside the stage is read.
    /// </summary>
    public static SemanticModel.StageFacts BuildStageFacts(BuildStage stage, SemanticModel.StageFacts? parent, ImmutableArray<BuildStage> stages,
        ImmutableDictionary<string, VariableSymbol> globalScope, char escape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var facts = new Dictionary<int, SemanticModel.InstructionFacts>();
        var references = ImmutableArray.CreateBuilder<StageReference>();
        var declarations = ImmutableArray.CreateBuilder<VariableSymbol>();
        var scope = ImmutableDictionary.Create<string, VariableSymbol>(StringComparer.Ordinal);
        var state = stage.IsWindows ? BuildState.InitialWindows : BuildState.Initial;
        if (parent is not null)
        {
            // ENV (not ARG) is inherited through FROM <stage>; so is the build state.
            scope = scope.SetItems(parent.FinalScope.Where(pair => pair.Value.Kind == VariableKind.Env));
            state = parent.FinalState;
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
            (scope, state) = Apply(instruction, stage, scope, globalScope, state, escape, declarations);
            facts[instruction.Span.Start] = new SemanticModel.InstructionFacts(stage, before, stateBefore, state);
            CollectReferences(instruction, stage, stages, before, escape, references);
        }
        return new SemanticModel.StageFacts(facts, scope, state, references.ToImmutable(), declarations.ToImmutable());
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
