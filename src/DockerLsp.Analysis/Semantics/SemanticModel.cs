using System.Collections.Concurrent;
using System.Collections.Immutable;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// Semantic facts about one syntax tree, kept outside the tree: build stages and the stage graph, global and per-stage
/// variables with their values, image references, the build state (USER, WORKDIR, SHELL) before each instruction and, on
/// demand, the shell model of RUN/CMD/ENTRYPOINT instructions. Stages and global ARGs are computed by <see cref="Create"/>;
/// the facts of a stage (scopes, build states, references, declarations) on first use, so that analysing one stage of a large
/// file costs that stage and its base stages only. Observably immutable and thread-safe; one model per tree.
/// </summary>
public sealed partial class SemanticModel
{
    private readonly Dictionary<int, InstructionFacts> _globalFacts;
    private readonly StageFacts?[] _stageFacts;
    private readonly ImmutableArray<VariableSymbol> _globalDeclarations;
    private readonly ConcurrentDictionary<int, ShellScript> _scripts = new();
    private ImmutableArray<StageReference> _allReferences;
    private ImmutableArray<VariableSymbol> _allDeclarations;

    internal SemanticModel(SyntaxTree tree, ImmutableArray<BuildStage> stages, ImmutableArray<VariableSymbol> globalArgs,
        Dictionary<int, InstructionFacts> globalFacts, ImmutableArray<InstructionSyntax> globalInstructions, ImmutableArray<VariableSymbol> globalDeclarations)
    {
        SyntaxTree = tree;
        Stages = stages;
        GlobalArgs = globalArgs;
        _globalFacts = globalFacts;
        GlobalInstructions = globalInstructions;
        _globalDeclarations = globalDeclarations;
        _stageFacts = new StageFacts?[stages.Length];
    }

    public SyntaxTree SyntaxTree { get; }

    public ImmutableArray<BuildStage> Stages { get; }

    /// <summary>ARG declarations before the first FROM, in order.</summary>
    public ImmutableArray<VariableSymbol> GlobalArgs { get; }

    /// <summary>Instructions before the first FROM (ARGs, and anything misplaced there).</summary>
    public ImmutableArray<InstructionSyntax> GlobalInstructions { get; }

    /// <summary>
    /// Every edge of the stage graph: FROM bases, <c>COPY --from</c> and <c>RUN --mount from=</c>, in document order.
    /// Computes the facts of every stage; stage-scoped analyzers use <see cref="GetStageReferences"/> instead.
    /// </summary>
    public ImmutableArray<StageReference> StageReferences
    {
        get
        {
            if (_allReferences.IsDefault) _allReferences = Stages.SelectMany(s => GetStageReferences(s)).ToImmutableArray();
            return _allReferences;
        }
    }

    /// <summary>The edges whose source is <paramref name="stage"/>: its FROM base first, then COPY --from and mounts, in order.</summary>
    public ImmutableArray<StageReference> GetStageReferences(BuildStage stage) => GetStageFacts(stage).References;

    /// <summary>The ARG and ENV declarations of <paramref name="stage"/>, in document order.</summary>
    public ImmutableArray<VariableSymbol> GetDeclarations(BuildStage stage) => GetStageFacts(stage).Declarations;

    /// <summary>The last stage: what <c>docker build</c> produces without <c>--target</c>.</summary>
    public BuildStage? FinalStage => Stages.IsEmpty ? null : Stages[^1];

    public static SemanticModel Create(SyntaxTree tree, CancellationToken cancellationToken = default) =>
        SemanticModelBuilder.Build(tree, cancellationToken);

    /// <summary>The stage containing <paramref name="position"/>, or null before the first FROM (binary search).</summary>
    public BuildStage? GetStageAt(int position)
    {
        int lo = 0, hi = Stages.Length - 1;
        BuildStage? found = null;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Stages[mid].From.Span.Start <= position)
            {
                found = Stages[mid];
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
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
    public BuildState GetFinalState(BuildStage stage) => GetStageFacts(stage).FinalState;

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

    /// <summary>
    /// Every variable declared anywhere in the file (global and stage ARGs, ENV keys), in document order. Computes the facts
    /// of every stage; stage-scoped analyzers use <see cref="GlobalArgs"/> and <see cref="GetDeclarations"/> instead.
    /// </summary>
    public ImmutableArray<VariableSymbol> AllDeclarations
    {
        get
        {
            if (_allDeclarations.IsDefault) _allDeclarations = _globalDeclarations.AddRange(Stages.SelectMany(s => GetDeclarations(s)));
            return _allDeclarations;
        }
    }

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
        // Looked up first: the factory closure (instruction, token) would otherwise be allocated on every hit, and rules ask often.
        _scripts.TryGetValue(instruction.Span.Start, out var cached) ? cached : _scripts.GetOrAdd(instruction.Span.Start, _ => ShellScriptBuilder.Build(instruction, GetBuildState(instruction).IsPosixShell, SyntaxTree.EscapeCharacter, cancellationToken));

    /// <summary>Every RUN instruction (ONBUILD triggers included) with its shell model, in document order.</summary>
    public IEnumerable<ShellScript> GetRunScripts(CancellationToken cancellationToken = default) =>
        RunScriptsOf(SyntaxTree.Root.Instructions, cancellationToken);

    /// <summary>The RUN instructions of <paramref name="stage"/> (ONBUILD triggers included) with their shell models, in order.</summary>
    public IEnumerable<ShellScript> GetRunScripts(BuildStage stage, CancellationToken cancellationToken = default) =>
        RunScriptsOf(stage.Instructions, cancellationToken);

    private IEnumerable<ShellScript> RunScriptsOf(IEnumerable<InstructionSyntax> instructions, CancellationToken cancellationToken)
    {
        foreach (var instruction in instructions)
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
        var start = top.Span.Start;
        if (GetStageAt(start) is not { } stage) return _globalFacts.GetValueOrDefault(start);
        return GetStageFacts(stage).Instructions.GetValueOrDefault(start);
    }

    /// <summary>The facts of <paramref name="stage"/>, computed on first use (its base stages first) and then kept.</summary>
    private StageFacts GetStageFacts(BuildStage stage)
    {
        if (Volatile.Read(ref _stageFacts[stage.Index]) is { } known) return known;
        var parent = stage.BaseStage is { } baseStage ? GetStageFacts(baseStage) : null;
        var built = SemanticModelBuilder.BuildStageFacts(stage, parent, Stages, FromScope, SyntaxTree.EscapeCharacter, CancellationToken.None);
        // Two threads may build the same stage; both results are equal and the first one published wins.
        return Interlocked.CompareExchange(ref _stageFacts[stage.Index], built, null) ?? built;
    }

    /// <summary>What the builder recorded for one top-level instruction.</summary>
    internal sealed record InstructionFacts(BuildStage? Stage, ImmutableDictionary<string, VariableSymbol> ScopeBefore, BuildState StateBefore, BuildState StateAfter);

    /// <summary>What the builder recorded for one stage: facts per top-level instruction (by start), the final scope and state, references and declarations.</summary>
    internal sealed record StageFacts(Dictionary<int, InstructionFacts> Instructions, ImmutableDictionary<string, VariableSymbol> FinalScope,
        BuildState FinalState, ImmutableArray<StageReference> References, ImmutableArray<VariableSymbol> Declarations);
}
