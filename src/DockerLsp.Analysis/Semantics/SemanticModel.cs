using System.Collections.Concurrent;
using System.Collections.Immutable;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// Semantic facts about one syntax tree, kept outside the tree: build stages and the stage graph, global and per-stage
/// variables with their values, image references, the build state (USER, WORKDIR, SHELL) before each instruction and, on
/// demand, the shell model of RUN/CMD/ENTRYPOINT instructions. Immutable after <see cref="Create"/> except for the shell-script
/// cache, which is thread-safe; one model per tree.
/// </summary>
public sealed partial class SemanticModel
{
    private readonly Dictionary<int, InstructionFacts> _facts;
    private readonly ConcurrentDictionary<int, ShellScript> _scripts = new();

    internal SemanticModel(SyntaxTree tree, ImmutableArray<BuildStage> stages, ImmutableArray<VariableSymbol> globalArgs,
        ImmutableArray<StageReference> references, Dictionary<int, InstructionFacts> facts, ImmutableArray<InstructionSyntax> globalInstructions)
    {
        SyntaxTree = tree;
        Stages = stages;
        GlobalArgs = globalArgs;
        StageReferences = references;
        _facts = facts;
        GlobalInstructions = globalInstructions;
    }

    public SyntaxTree SyntaxTree { get; }

    public ImmutableArray<BuildStage> Stages { get; }

    /// <summary>ARG declarations before the first FROM, in order.</summary>
    public ImmutableArray<VariableSymbol> GlobalArgs { get; }

    /// <summary>Instructions before the first FROM (ARGs, and anything misplaced there).</summary>
    public ImmutableArray<InstructionSyntax> GlobalInstructions { get; }

    /// <summary>Every edge of the stage graph: FROM bases, <c>COPY --from</c> and <c>RUN --mount from=</c>, in document order.</summary>
    public ImmutableArray<StageReference> StageReferences { get; }

    /// <summary>The last stage: what <c>docker build</c> produces without <c>--target</c>.</summary>
    public BuildStage? FinalStage => Stages.IsEmpty ? null : Stages[^1];

    public static SemanticModel Create(SyntaxTree tree, CancellationToken cancellationToken = default) =>
        SemanticModelBuilder.Build(tree, cancellationToken);

    /// <summary>The stage containing <paramref name="position"/>, or null before the first FROM.</summary>
    public BuildStage? GetStageAt(int position)
    {
        BuildStage? found = null;
        foreach (var stage in Stages)
        {
            if (stage.From.Span.Start <= position) found = stage;
            else break;
        }
        return found;
    }

    public BuildStage? GetStage(InstructionSyntax instruction) => GetStageAt(instruction.Span.Start);

    /// <summary>A stage by name (case-insensitive, as BuildKit matches) or by index, regardless of position.</summary>
    public BuildStage? FindStage(string nameOrIndex)
    {
        if (int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index >= 0 && index < Stages.Length ? Stages[index] : null;
        }
        var lower = nameOrIndex.ToLowerInvariant();
        return Stages.FirstOrDefault(s => s.NormalizedName == lower);
    }

    /// <summary>The stages <paramref name="stage"/> depends on directly: its base stage and the stages it copies or mounts from.</summary>
    public ImmutableArray<BuildStage> GetDependencies(BuildStage stage) =>
        StageReferences.Where(r => r.Source == stage && r.Target is not null).Select(r => r.Target!).Distinct().ToImmutableArray();

    /// <summary>The stages needed to build <paramref name="target"/> (the final stage when null), the target included.</summary>
    public ImmutableHashSet<BuildStage> GetStagesReaching(BuildStage? target = null)
    {
        target ??= FinalStage;
        var result = ImmutableHashSet.CreateBuilder<BuildStage>();
        if (target is null) return result.ToImmutable();
        var stack = new Stack<BuildStage>();
        stack.Push(target);
        while (stack.Count > 0)
        {
            var stage = stack.Pop();
            if (!result.Add(stage)) continue;
            foreach (var dependency in GetDependencies(stage)) stack.Push(dependency);
        }
        return result.ToImmutable();
    }

    /// <summary>The build state in effect when <paramref name="instruction"/> runs (before its own effect).</summary>
    public BuildState GetBuildState(InstructionSyntax instruction) => FactsFor(instruction)?.StateBefore ?? BuildState.Initial;

    /// <summary>The build state after the last instruction of <paramref name="stage"/>.</summary>
    public BuildState GetFinalState(BuildStage stage) => FactsFor(stage.Instructions[^1])?.StateAfter ?? BuildState.Initial;

    /// <summary>Variables visible at <paramref name="position"/> (for instructions, those declared before it; predefined ones included).</summary>
    public IReadOnlyCollection<VariableSymbol> GetVisibleVariables(int position)
    {
        var instruction = SyntaxTree.Root.FindInstruction(position);
        if (instruction is null) return GlobalScopeAt(position).Values.ToArray();
        return GetScope(instruction).Values.ToArray();
    }

    /// <summary>Resolves <paramref name="name"/> as an instruction at <paramref name="position"/> would see it, or null when it is not declared.</summary>
    public VariableResolution? ResolveVariable(string name, int position)
    {
        var instruction = SyntaxTree.Root.FindInstruction(position);
        var scope = instruction is null ? GlobalScopeAt(position) : GetScope(instruction);
        if (scope is null || !scope.TryGetValue(name, out var symbol)) return null;
        return new VariableResolution(symbol, symbol.Value);
    }

    /// <summary>
    /// The scope <paramref name="instruction"/> expands its arguments in: for FROM, the global scope (global ARGs and platform
    /// args); otherwise what earlier instructions of its stage (and ENV of parent stages) declared. Name to symbol.
    /// </summary>
    public ImmutableDictionary<string, VariableSymbol> GetScope(InstructionSyntax instruction) =>
        instruction is FromInstructionSyntax ? GlobalScope : FactsFor(instruction)?.ScopeBefore ?? ImmutableDictionary<string, VariableSymbol>.Empty;

    /// <summary>The scope of FROM lines: global ARGs and the predefined platform args.</summary>
    public ImmutableDictionary<string, VariableSymbol> GlobalScope => FromScope;

    /// <summary>Every variable declared anywhere in the file (global and stage ARGs, ENV keys), in document order.</summary>
    public ImmutableArray<VariableSymbol> AllDeclarations { get; internal init; } = [];

    /// <summary>
    /// Expands <paramref name="text"/> as the instruction would (values known from defaults and ENV); references to unknown
    /// values are kept as written.
    /// </summary>
    public string Expand(string text, InstructionSyntax instruction)
    {
        if (!text.Contains('$')) return text;
        var scope = GetScope(instruction);
        return VariableExpansion.Expand(text, scope, SyntaxTree.EscapeCharacter);
    }

    /// <summary>The shell model of a RUN, CMD, ENTRYPOINT or HEALTHCHECK instruction (cached).</summary>
    public ShellScript GetShellScript(CommandInstructionSyntax instruction, CancellationToken cancellationToken = default) =>
        _scripts.GetOrAdd(instruction.Span.Start, _ => ShellScriptBuilder.Build(instruction, GetBuildState(instruction).IsPosixShell, SyntaxTree.EscapeCharacter, cancellationToken));

    /// <summary>Every RUN instruction (ONBUILD triggers included) with its shell model, in document order.</summary>
    public IEnumerable<ShellScript> GetRunScripts(CancellationToken cancellationToken = default)
    {
        foreach (var instruction in SyntaxTree.Root.Instructions)
        {
            var run = instruction as RunInstructionSyntax ?? (instruction as OnBuildInstructionSyntax)?.Trigger as RunInstructionSyntax;
            if (run is not null) yield return GetShellScript(run, cancellationToken);
        }
    }

    internal ImmutableDictionary<string, VariableSymbol> FromScope { get; init; } = ImmutableDictionary<string, VariableSymbol>.Empty;

    private ImmutableDictionary<string, VariableSymbol> GlobalScopeAt(int position) =>
        position < (Stages.IsEmpty ? int.MaxValue : Stages[0].From.Span.Start) ? FromScope : GetStageAt(position) is { } stage ? GetScope(stage.Instructions[^1]) : FromScope;

    private InstructionFacts? FactsFor(InstructionSyntax instruction)
    {
        var top = instruction.Parent is OnBuildInstructionSyntax parent ? parent : instruction;
        return _facts.GetValueOrDefault(top.Span.Start);
    }

    /// <summary>What the builder recorded for one top-level instruction.</summary>
    internal sealed record InstructionFacts(BuildStage? Stage, ImmutableDictionary<string, VariableSymbol> ScopeBefore, BuildState StateBefore, BuildState StateAfter);
}
