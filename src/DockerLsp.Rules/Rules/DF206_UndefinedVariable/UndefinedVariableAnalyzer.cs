using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Rules.Rules.DF206_UndefinedVariable;

/// <summary>
/// DF206: a variable used where BuildKit expands it (every instruction except RUN, CMD, ENTRYPOINT, HEALTHCHECK, SHELL and
/// ONBUILD) that is not defined there. Because the base image's ENV is unknown offline, a name is reported only when the
/// evidence is in the file: it is declared elsewhere but not visible here (a global ARG not redeclared in the stage, an
/// ARG/ENV declared later, an ARG of a stage this one is built on, a platform ARG not declared in the stage), it is a near
/// miss of a visible name, or the stage starts from <c>scratch</c>. In FROM, every name must be a global ARG or a platform ARG. Also reports a global
/// ARG default that makes a FROM image empty or invalid. Properties <c>suggestion</c> (a replacement name) and <c>declare</c>
/// (a name to declare with ARG, with <c>declareScope</c> <c>global</c> or <c>stage</c>) drive the fix.
/// </summary>
public sealed partial class UndefinedVariableAnalyzer : DiagnosticAnalyzer
{
    public const string SuggestionProperty = "suggestion";
    public const string DeclareProperty = "declare";
    public const string DeclareScopeProperty = "declareScope";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF206",
        "Undefined variable",
        "{0}",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        buildKitNames: ["UndefinedVar", "UndefinedArgInFrom", "InvalidDefaultArgInFrom"],
        messageCitesLines: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    // Stage-scoped: what the checks read is the stage's own instructions and declarations, those of its base stages, the
    // global ARGs and the FROM lines. Instructions before the first FROM are not checked (an unknown name in a global ARG
    // default just expands to nothing), so no document-wide action is needed.
    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        var escape = model.SyntaxTree.EscapeCharacter;
        foreach (var instruction in stage.Instructions)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!SyntaxFacts.ExpandsVariables(instruction.Kind)) continue;
            foreach (var token in ExpandedTokens(instruction))
            {
                foreach (var reference in VariableReferenceScanner.Find(token.ValueText, escape))
                {
                    if (HasFallback(reference.Modifier)) continue;
                    var problem = instruction is FromInstructionSyntax
                        ? CheckInFrom(model, reference.Name)
                        : CheckInStage(model, stage, instruction, reference.Name);
                    if (problem is null) continue;
                    var span = SyntaxHelpers.ValueSubSpan(token, reference.Start, reference.Length);
                    context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, problem.Value.Properties, DiagnosticTags.None, problem.Value.Message));
                }
            }
        }
        CheckFromDefaults(context, model, stage, escape);
    }

    /// <summary>The tokens whose text BuildKit expands: arguments and flag values, not the keyword, AS, the stage name or heredoc bodies.</summary>
    private static IEnumerable<SyntaxToken> ExpandedTokens(InstructionSyntax instruction)
    {
        var stageName = (instruction as FromInstructionSyntax)?.StageNameToken;
        foreach (var token in instruction.DescendantTokens())
        {
            if (token.Kind is SyntaxKind.KeywordToken or SyntaxKind.AsKeywordToken or SyntaxKind.HeredocBodyToken or SyntaxKind.HeredocTerminatorToken or SyntaxKind.FlagTerminatorToken) continue;
            if (stageName is { } name && token == name) continue;
            if (!token.ValueText.Contains('$')) continue;
            yield return token;
        }
    }

    private static bool HasFallback(VariableModifier modifier) => modifier is
        VariableModifier.DefaultIfUnset or VariableModifier.DefaultIfUnsetOrEmpty or
        VariableModifier.AlternativeIfSet or VariableModifier.AlternativeIfSetAndNotEmpty or VariableModifier.Unsupported;

    /// <summary>What is wrong with one reference: the message and the properties the fix reads.</summary>
    private readonly record struct Problem(string Message, Dictionary<string, string> Properties);
}
