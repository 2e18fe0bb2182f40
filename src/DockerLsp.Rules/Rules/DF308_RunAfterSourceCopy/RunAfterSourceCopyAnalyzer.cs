using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF308_RunAfterSourceCopy;

/// <summary>
/// DF308: a RUN that does not use copied application files (OS packages, users, downloads: see <see cref="ContextIndependence"/>)
/// placed after the first COPY of such files in its stage (sources from the build context, or build output from another stage):
/// every change to those files re-runs it. Only RUNs that can move without crossing anything they might depend on are reported: between the COPY and the RUN
/// there may be only other application COPYs, metadata and other such RUNs (no ENV, ARG, USER, WORKDIR, SHELL, no COPY into system
/// directories, no RUN that reads the copied files). Reported on the RUN keyword, the COPY as related location.
/// </summary>
public sealed class RunAfterSourceCopyAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF308",
        "Independent RUN placed after copying application files",
        "This RUN does not use the files copied by '{0}' but runs after it, so every change to them re-runs it. Move it above that COPY.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    private static readonly string[] s_systemDirectories = ["/etc", "/bin", "/sbin", "/lib", "/lib64", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local/bin", "/usr/local/sbin", "/usr/local/lib", "/usr/local/etc", "/usr/share/ca-certificates", "/usr/local/share/ca-certificates", "/root", "/var/lib"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var text = context.Document.Text;
        foreach (var (run, copy) in Find(context.SemanticModel, context.Stage, context.CancellationToken))
        {
            var copyText = text.ToString(copy.Span).Split('\n')[0].TrimEnd('\\', '`', ' ', '\r');
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, run.Keyword.Span, [new RelatedLocation(copy.Span, "the COPY it can move above")], null, DiagnosticTags.None, copyText));
        }
    }

    /// <summary>
    /// The movable RUNs of a stage, each with the application COPY it belongs above: the first one after the last instruction the RUN
    /// must stay behind (a RUN that reads copied files, a state change, a COPY into system directories).
    /// </summary>
    internal static IEnumerable<(RunInstructionSyntax Run, CopyLikeInstructionSyntax Copy)> Find(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        CopyLikeInstructionSyntax? target = null;
        var destinations = new List<string>();
        for (var i = 1; i < stage.Instructions.Length; i++)
        {
            var instruction = stage.Instructions[i];
            switch (instruction)
            {
                case CopyLikeInstructionSyntax copy when IsApplicationCopy(model, copy, out var destination):
                    target ??= copy;
                    destinations.Add(destination);
                    break;
                case RunInstructionSyntax when target is null:
                    // Nothing to move above yet, and nothing to reset (destinations are only collected with a target): no need to
                    // classify the RUN, which is the costly part of this rule (a shell model and path resolution per command).
                    break;
                case RunInstructionSyntax run when ContextIndependence.IsIndependent(model, run, destinations, cancellationToken):
                    yield return (run, target);
                    break;
                case ExposeInstructionSyntax or CmdInstructionSyntax or EntrypointInstructionSyntax or StopSignalInstructionSyntax or HealthcheckInstructionSyntax or LabelInstructionSyntax or MaintainerInstructionSyntax:
                    break;
                default:
                    // Anything the RUN might depend on: nothing above it can be crossed.
                    target = null;
                    destinations.Clear();
                    break;
            }
        }
    }

    /// <summary>
    /// A COPY/ADD of application files into an application directory: sources from the build context, or build output from another
    /// stage (it changes with every source change too). Copies into system directories configure what later RUNs do and are not.
    /// </summary>
    private static bool IsApplicationCopy(SemanticModel model, CopyLikeInstructionSyntax copy, out string destination)
    {
        destination = string.Empty;
        if (CopyFacts.Of(model, copy) is not { HasHeredocSources: false } facts) return false;
        if (copy is AddInstructionSyntax && facts.Sources.Any(s => s.Contains("://", StringComparison.Ordinal) || s.StartsWith("git@", StringComparison.Ordinal))) return false;
        destination = facts.ResolvedDestination;
        var resolved = destination;
        // A copy into / or /usr overlays a whole filesystem (COPY --from=xx / /): whatever follows may rely on it.
        if (resolved is "/" or "/usr" or "/usr/local") return false;
        return !s_systemDirectories.Any(d => ContainerPaths.IsSameOrUnder(resolved, d));
    }
}
