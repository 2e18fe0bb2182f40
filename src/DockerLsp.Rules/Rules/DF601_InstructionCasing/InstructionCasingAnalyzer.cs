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
    /// Document-scoped, since the majority casing depends on every instruction of the file; it therefore runs on every
    /// analysis and stays cheap: one pass over the top-level instructions that classifies each keyword by scanning its
    /// characters (no allocation), and a second pass that allocates only for the keywords it reports.
    /// </summary>
    public override void Initialize(AnalysisContext context) => context.RegisterSemanticModelAction(Analyze);

    private static void Analyze(SemanticModelAnalysisContext context)
    {
        var instructions = context.SyntaxTree.Root.Instructions;
        int total = 0, upper = 0, lower = 0;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            Count(instruction, ref total, ref upper, ref lower);
            if (instruction is OnBuildInstructionSyntax { Trigger: { } trigger }) Count(trigger, ref total, ref upper, ref lower);
        }
        var preferLower = lower > upper;
        // Nothing to report when every keyword already has the majority casing (the common case).
        if ((preferLower ? lower : upper) == total) return;
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

    private static void Count(InstructionSyntax instruction, ref int total, ref int upper, ref int lower)
    {
        var keyword = VotingKeyword(instruction);
        if (keyword.Kind == SyntaxKind.None) return;
        total++;
        var text = keyword.ValueText;
        if (IsUpper(text)) upper++;
        if (IsLower(text)) lower++;
    }

    private static void Check(SemanticModelAnalysisContext context, InstructionSyntax instruction, bool preferLower)
    {
        var keyword = VotingKeyword(instruction);
        if (keyword.Kind == SyntaxKind.None) return;
        var text = keyword.ValueText;
        if ((preferLower ? IsLower(text) : IsUpper(text)) || keyword.Text != text) return;
        var expected = preferLower ? text.ToLowerInvariant() : text.ToUpperInvariant();
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, keyword.Span, null,
            new Dictionary<string, string> { [ExpectedProperty] = expected }, DiagnosticTags.None, text, expected));
    }

    /// <summary>True when upper-casing would not change <paramref name="text"/> (as <c>text == text.ToUpperInvariant()</c>, without allocating).</summary>
    private static bool IsUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAscii(c) ? char.IsAsciiLetterLower(c) : char.ToUpperInvariant(c) != c) return false;
        }
        return true;
    }

    /// <summary>True when lower-casing would not change <paramref name="text"/> (as <c>text == text.ToLowerInvariant()</c>, without allocating).</summary>
    private static bool IsLower(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAscii(c) ? char.IsAsciiLetterUpper(c) : char.ToLowerInvariant(c) != c) return false;
        }
        return true;
    }
}
