using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF604_JsonSingleQuotes;

/// <summary>
/// DF604: an exec-form array written with single quotes (<c>CMD ['nginx', '-g', 'daemon off;']</c>). JSON requires double quotes,
/// so BuildKit silently treats the text as shell form and runs <c>/bin/sh -c "['nginx', ...]"</c>, which fails at run time.
/// Reported on the array; applies to RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, COPY, ADD and VOLUME.
/// </summary>
public sealed class JsonSingleQuotesAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF604",
        "JSON array written with single quotes",
        "This looks like an exec-form array, but JSON needs double quotes: with single quotes {0} runs it as a shell command.",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze,
        SyntaxKind.RunInstruction, SyntaxKind.CmdInstruction, SyntaxKind.EntrypointInstruction, SyntaxKind.ShellInstruction,
        SyntaxKind.HealthcheckInstruction, SyntaxKind.CopyInstruction, SyntaxKind.AddInstruction, SyntaxKind.VolumeInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var instruction = (InstructionSyntax)context.Node;
        if (ArgumentsNode(instruction) is not { } arguments) return;
        if (SingleQuotedArray.TryParse(ArgumentsText(arguments)) is null) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, arguments.Span, instruction.KeywordText));
    }

    /// <summary>The arguments as BuildKit reads them: the logical command text for shell form, the raw words otherwise.</summary>
    internal static string ArgumentsText(SyntaxNode arguments) => arguments is ShellFormSyntax shellForm ? shellForm.GetCommandText() : arguments.ToString();

    /// <summary>The node holding the instruction's non-JSON arguments.</summary>
    internal static SyntaxNode? ArgumentsNode(InstructionSyntax instruction) =>
        instruction.ChildNodes().FirstOrDefault(n => n.Kind is SyntaxKind.ShellForm or SyntaxKind.ArgumentList);
}

/// <summary>Reads <c>['a', 'b']</c>: brackets, single-quoted strings (no escapes) separated by commas, blanks allowed.</summary>
internal static class SingleQuotedArray
{
    public static IReadOnlyList<string>? TryParse(string text)
    {
        var i = 0;
        SkipBlanks();
        if (i >= text.Length || text[i] != '[') return null;
        i++;
        var values = new List<string>();
        SkipBlanks();
        if (i < text.Length && text[i] == ']') return null;
        while (true)
        {
            SkipBlanks();
            if (i >= text.Length || text[i] != '\'') return null;
            var close = text.IndexOf('\'', i + 1);
            if (close < 0) return null;
            values.Add(text[(i + 1)..close]);
            i = close + 1;
            SkipBlanks();
            if (i >= text.Length) return null;
            if (text[i] == ']')
            {
                i++;
                SkipBlanks();
                return i == text.Length ? values : null;
            }
            if (text[i] != ',') return null;
            i++;
        }

        void SkipBlanks()
        {
            while (i < text.Length && text[i] is ' ' or '\t') i++;
        }
    }
}
