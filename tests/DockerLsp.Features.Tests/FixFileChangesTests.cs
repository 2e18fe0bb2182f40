using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Tests;

/// <summary>
/// Hosts compute a fix's file changes before offering it (to drop what the client cannot apply), so only fixes that may edit
/// other files may carry them: a whole-document code-action request would otherwise compute every fix of the file up front.
/// </summary>
public sealed class FixFileChangesTests
{
    [Fact]
    public void Only_fixes_that_may_edit_other_files_carry_file_changes()
    {
        var engine = new RuleAnalysisEngine();
        var document = Document.Create("untitled:Dockerfile", 1, "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN echo done\nMAINTAINER me\n", isOpen: true);
        var analysis = engine.Analyze(document, LanguageServerSettings.Default, CancellationToken.None);
        var fixes = analysis.Diagnostics.Where(d => d.IsFixable).SelectMany(d => engine.GetFixes(analysis, d, CancellationToken.None)).ToArray();
        Assert.NotEmpty(fixes);
        Assert.All(fixes, fix => Assert.Null(fix.ComputeFileChanges));
    }
}
