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

    private static Problem? CheckInStage(SemanticModel model, InstructionSyntax instruction, string name)
    {
        var scope = model.GetScope(instruction);
        if (scope.ContainsKey(name)) return null;
        var stage = model.GetStage(instruction);
        if (stage is null) return null;

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
        var later = model.AllDeclarations.FirstOrDefault(d => d.Name == name && d.Stage == stage && d.NameSpan.Start >= instruction.FullSpan.End
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
        var elsewhere = model.AllDeclarations.FirstOrDefault(d => d.Name == name && d.Stage is not null && d.Stage != stage);
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

    private static Problem Declare(string message, string name) =>
        new(message, new() { [DeclareProperty] = name, [DeclareScopeProperty] = "stage" });

    /// <summary>InvalidDefaultArgInFrom: with only global defaults (a global ARG without default is empty), the image must be valid.</summary>
    private static void CheckFromDefaults(SemanticModelAnalysisContext context, SemanticModel model, char escape)
    {
        var values = model.GlobalArgs.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
        foreach (var stage in model.Stages)
        {
            var image = stage.From.Image;
            if (image is null || !image.Text.Contains('$')) continue;
            var references = VariableReferenceScanner.Find(image.Text, escape);
            if (references.Count == 0 || references.Any(r => !values.ContainsKey(r.Name))) continue;
            if (model.GlobalArgs.Any(a => references.Any(r => r.Name == a.Name) && a.Value is null && a.RawValue is not null)) continue;
            var result = ShellWordExpander.ExpandWord(image.Text, new ShellEnvironment(values), new ShellWordOptions { EscapeToken = escape });
            if (!result.Succeeded) continue;
            var expanded = result.Result;
            var lower = expanded.ToLowerInvariant();
            if (model.Stages.Any(s => s.Index < stage.Index && s.NormalizedName == lower)) continue;
            var reference = ImageReference.Parse(expanded);
            if (expanded.Length > 0 && reference.IsValid) continue;
            var names = string.Join(", ", references.Select(r => r.Name).Distinct());
            var message = expanded.Length == 0
                ? $"With the default value of ARG {names} the base image name is empty: give the ARG a default, or pass it with --build-arg."
                : $"With the default value of ARG {names} the base image is '{expanded}', which is invalid: {reference.Errors[0].Message}";
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, image.Span, null, null, DiagnosticTags.None, message));
        }
    }
}
