using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Rules.Rules.DF206_UndefinedVariable;

public sealed partial class UndefinedVariableAnalyzer
{
    private static Problem? CheckInFrom(SemanticModel model, string name)
    {
        if (model.GlobalScope.ContainsKey(name)) return null;
        var suggestion = StringDistance.FindNearest(name, model.GlobalArgs.Select(a => a.Name));
        if (suggestion is not null)
        {
            return new Problem($"'{name}' is not a global ARG. Did you mean '{suggestion}'?", new() { [SuggestionProperty] = suggestion });
        }
        // No "declare" fix here: an ARG without a default would leave the image name empty, which is still wrong.
        return new Problem($"'{name}' is used in FROM but not declared: declare it with 'ARG {name}=<default>' before the first FROM.", []);
    }

    private static Problem? CheckInStage(SemanticModel model, BuildStage stage, InstructionSyntax instruction, string name)
    {
        var scope = model.GetScope(instruction);
        if (scope.ContainsKey(name)) return null;

        if (PredefinedVariables.PlatformArgs.Contains(name))
        {
            return Declare($"'{name}' is predefined by BuildKit but must be declared in the stage to be used: add 'ARG {name}'.", name);
        }
        if (model.GlobalArgs.Any(a => a.Name == name))
        {
            return Declare($"'{name}' is a global ARG, which is only visible in FROM lines: add 'ARG {name}' in this stage to use it here.", name);
        }
        // Declared by a later instruction: an ARG cannot come from the base image, so the use really comes too early (an ENV
        // of the same name might also be set by the base image, so only a scratch stage is sure).
        var later = model.GetDeclarations(stage).FirstOrDefault(d => d.Name == name && d.NameSpan.Start >= instruction.FullSpan.End
            && (d.Kind == VariableKind.StageArg || stage.RootImage is { IsScratch: true }));
        if (later is not null)
        {
            var line = model.SyntaxTree.Text.Lines.GetLineFromOffset(later.NameSpan.Start) + 1;
            return new Problem($"'{name}' is used before it is declared (line {line}).", []);
        }
        var visible = scope.Values.Where(v => v.Kind != VariableKind.Predefined).Select(v => v.Name);
        var suggestion = StringDistance.FindNearest(name, visible);
        if (suggestion is not null)
        {
            return new Problem($"'{name}' is not defined. Did you mean '{suggestion}'?", new() { [SuggestionProperty] = suggestion });
        }
        // Only the stages this one is built on may be read (stage scope): an ARG of a base stage is not inherited.
        var elsewhere = FirstBaseStageDeclaration(model, stage, name);
        if (elsewhere is not null && elsewhere.Kind == VariableKind.StageArg)
        {
            return Declare($"'{name}' is declared in stage {elsewhere.Stage!.DisplayName}, not in this one: ARGs are per stage. Add 'ARG {name}' here.", name);
        }
        if (stage.RootImage is { IsScratch: true })
        {
            return new Problem($"'{name}' is not defined (this stage starts from scratch, so nothing is inherited).", []);
        }
        return null;
    }

    /// <summary>The first declaration of <paramref name="name"/> in the base-stage chain of <paramref name="stage"/>, in document order.</summary>
    private static VariableSymbol? FirstBaseStageDeclaration(SemanticModel model, BuildStage stage, string name)
    {
        VariableSymbol? found = null;
        // The chain goes from the nearest base to the root; the last hit is the earliest in the document.
        for (var ancestor = stage.BaseStage; ancestor is not null; ancestor = ancestor.BaseStage)
        {
            foreach (var declaration in model.GetDeclarations(ancestor))
            {
                if (declaration.Name != name) continue;
                found = declaration;
                break;
            }
        }
        return found;
    }

    private static Problem Declare(string message, string name) =>
        new(message, new() { [DeclareProperty] = name, [DeclareScopeProperty] = "stage" });

    /// <summary>InvalidDefaultArgInFrom: with only global defaults (a global ARG without default is empty), the image must be valid.</summary>
    private static void CheckFromDefaults(StageAnalysisContext context, SemanticModel model, BuildStage stage, char escape)
    {
        var image = stage.From.Image;
        if (image is null || !image.Text.Contains('$')) return;
        var references = VariableReferenceScanner.Find(image.Text, escape);
        if (references.Count == 0) return;
        var values = model.GlobalArgs.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
        if (references.Any(r => !values.ContainsKey(r.Name))) return;
        if (model.GlobalArgs.Any(a => references.Any(r => r.Name == a.Name) && a.Value is null && a.RawValue is not null)) return;
        var result = ShellWordExpander.ExpandWord(image.Text, new ShellEnvironment(values), new ShellWordOptions { EscapeToken = escape });
        if (!result.Succeeded) return;
        var expanded = result.Result;
        var lower = expanded.ToLowerInvariant();
        // Earlier stages' names come from their FROM lines, which a stage-scoped action may read.
        if (model.Stages.Any(s => s.Index < stage.Index && s.NormalizedName == lower)) return;
        var reference = ImageReference.Parse(expanded);
        if (expanded.Length > 0 && reference.IsValid) return;
        var names = string.Join(", ", references.Select(r => r.Name).Distinct());
        var message = expanded.Length == 0
            ? $"With the default value of ARG {names} the base image name is empty: give the ARG a default, or pass it with --build-arg."
            : $"With the default value of ARG {names} the base image is '{expanded}', which is invalid: {reference.Errors[0].Message}";
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, image.Span, null, null, DiagnosticTags.None, message));
    }
}
