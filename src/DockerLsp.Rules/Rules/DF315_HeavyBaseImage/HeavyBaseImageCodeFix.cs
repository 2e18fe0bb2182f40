using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF315_HeavyBaseImage;

/// <summary>
/// Offers DF315's smaller variant of the same tag as a quick fix. It has no fix-all: whether the application still runs on the
/// smaller image (missing shared libraries, tools used by HEALTHCHECK or scripts) is for the author to decide, one image at a time,
/// so <c>dockerlsp fix</c> never switches base images.
/// </summary>
public sealed class HeavyBaseImageCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [HeavyBaseImageAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (!context.Diagnostic.Properties.TryGetValue(HeavyBaseImageAnalyzer.LighterImageProperty, out var lighter)) return;
        context.RegisterCodeFix(CodeAction.Create(
            $"Use {lighter}",
            _ => DocumentChanges.FromTextChanges(new TextChange(context.Diagnostic.Span, lighter)),
            HeavyBaseImageAnalyzer.Descriptor.Id));
    }

    public override FixAllProvider? GetFixAllProvider() => null;
}
