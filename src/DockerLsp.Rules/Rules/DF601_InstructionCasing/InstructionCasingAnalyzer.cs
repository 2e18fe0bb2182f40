using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF601_InstructionCasing;

/// <summary>
/// DF601: an instruction keyword cased unlike the file's majority (all upper or all lower; upper wins a tie), or in mixed case.
/// As BuildKit's ConsistentInstructionCasing. The expected casing is in the <c>expected</c> property.
/// </summary>
public sealed class InstructionCasingAnalyzer : DiagnosticAnalyzer
{
    public const string ExpectedProperty = "expected";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF601",
        "Inconsistent instruction casing",
        "'{0}' should be written '{1}' like the other instructions in this file.",
        DiagnosticCategory.Style,
        DiagnosticSeverity.Info,
        buildKitNames: ["ConsistentInstructionCasing"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>
    /// The majority depends on every keyword of the file, but the syntax tree keeps keyword-casing counts per chunk of
    /// instructions (<see cref="SourceFileSyntax.KeywordCasing"/>, O(chunks) per version). So the check is stage-scoped with
    /// the majority declared as a document input: a stage's findings are reused until the majority flips. Instructions before
    /// the first FROM are checked by a small document-wide action.
    /// </summary>
    public override void Initialize(AnalysisContext context)
    {
        context.RegisterDocumentInput(document => document.SyntaxTree.Root.KeywordCasing.PreferLower);
        context.RegisterStageAction(context => Check(context, context.Stage.Instructions));
        context.RegisterSemanticModelAction(context => Check(context, context.SemanticModel.GlobalInstructions));
    }

    private static void Check(AnalyzerCallbackContext context, IReadOnlyList<InstructionSyntax> instructions)
    {
        var casing = context.SyntaxTree.Root.KeywordCasing;
        var preferLower = casing.PreferLower;
        // Nothing to report when every keyword already has the majority casing (the common case).
        if ((preferLower ? casing.Lower : casing.Upper) == casing.Total) return;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            Check(context, instruction, preferLower);
            if (instruction is OnBuildInstructionSyntax { Trigger: { } trigger }) Check(context, trigger, preferLower);
        }
    }

    /// <summary>The keyword of <paramref name="instruction"/> when it takes part in the vote, else <c>default</c>.</summary>
    private static SyntaxToken VotingKeyword(InstructionSyntax instruction)
    {
        if (instruction.Kind == SyntaxKind.UnknownInstruction) return default;
        var keyword = instruction.Keyword;
        return keyword.Kind == SyntaxKind.None || keyword.IsMissing ? default : keyword;
    }

    private static void Check(AnalyzerCallbackContext context, InstructionSyntax instruction, bool preferLower)
    {
        var keyword = VotingKeyword(instruction);
        if (keyword.Kind == SyntaxKind.None) return;
        var text = keyword.ValueText;
        if ((preferLower ? KeywordCasingCounts.IsLower(text) : KeywordCasingCounts.IsUpper(text)) || keyword.Text != text) return;
        var expected = preferLower ? text.ToLowerInvariant() : text.ToUpperInvariant();
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, keyword.Span, null,
            new Dictionary<string, string> { [ExpectedProperty] = expected }, DiagnosticTags.None, text, expected));
    }
}
