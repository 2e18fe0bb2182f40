using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF314_SingleStageWithToolchain;

/// <summary>
/// DF314: a single-stage Dockerfile whose image runs something (CMD or ENTRYPOINT) and also carries a build toolchain: an SDK or
/// compiler base image (golang, rust, maven, the .NET SDK, a JDK...), or installed compilers and headers (build-essential, gcc,
/// <c>-dev</c>/<c>-devel</c> packages, build-base...) that the same RUN does not remove again. The toolchain ships with the
/// application; a multi-stage build leaves it behind. Reported on the base image. No fix: the doc page shows the pattern per
/// language.
/// </summary>
public sealed class SingleStageWithToolchainAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF314",
        "Single-stage image ships its build toolchain",
        "This image runs the application but also ships {0}: build in a first stage and copy only the result into a runtime image (a multi-stage build).",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    private static readonly HashSet<string> s_toolchainPackages = new(StringComparer.Ordinal)
    {
        "build-essential", "gcc", "g++", "clang", "make", "cmake", "autoconf", "automake", "libtool", "build-base", "golang", "golang-go",
        "maven", "gradle", "default-jdk", "default-jdk-headless", "cargo", "rustc", "gfortran", "musl-dev", "linux-headers", "gcc-c++",
        "Development Tools", "devtoolset",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        // How many stages there are is outline information: a stage-scoped callback may ask it.
        if (model.Stages.Length != 1 || stage.From.Image is not { } image) return;
        if (!stage.Instructions.Any(i => i is CmdInstructionSyntax or EntrypointInstructionSyntax)) return;
        var evidence = Evidence(model, stage, context.CancellationToken);
        if (evidence is null) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, image.Span, evidence));
    }

    /// <summary>What shows the toolchain ("the golang SDK image", "gcc, libpq-dev"), or null.</summary>
    private static string? Evidence(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        if (stage.BaseImage is { HasVariables: false } baseImage)
        {
            // buildpack-deps exists to provide build dependencies: the official language images are built on it on purpose.
            if (BaseImages.ShortName(baseImage) == "buildpack-deps") return null;
            // A toolchain image counts only when the stage builds with that toolchain: a JDK image that only runs a JAR (or compiles
            // a native helper with make) is DF315's business.
            var builds = stage.Instructions.OfType<RunInstructionSyntax>().Any(run => CommandInvocation.All(model.GetShellScript(run, cancellationToken)).Any(i => BaseImages.BuildsWith(baseImage, i)));
            if (builds) return $"the '{BaseImages.ShortName(baseImage)}' toolchain image";
        }
        var packages = new List<string>();
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            var script = model.GetShellScript(run, cancellationToken);
            var commands = PackageManagers.In(script).ToList();
            if (RemovesWhatItInstalled(script, commands)) continue;
            var removed = commands.Where(c => c.Action == PackageAction.Remove).SelectMany(c => c.Packages.Select(p => p.Value)).ToHashSet(StringComparer.Ordinal);
            foreach (var install in commands.Where(c => c.IsSystemManager && c.Action == PackageAction.Install))
            {
                // 'apk add --virtual .build-deps ... && apk del .build-deps' removes the whole group again.
                var virtualName = install.Invocation.FlagValue("--virtual", "-t");
                if (virtualName is not null && removed.Contains(virtualName)) continue;
                foreach (var package in install.Packages.Select(p => p.Value.Split('=')[0]))
                {
                    if (removed.Contains(package) || !IsToolchainPackage(package) || packages.Contains(package)) continue;
                    packages.Add(package);
                }
            }
        }
        return packages.Count == 0 ? null : "build tools (" + string.Join(", ", packages.Take(4)) + (packages.Count > 4 ? ", ..." : string.Empty) + ")";
    }

    /// <summary>
    /// The official images' idiom for temporary build dependencies: <c>apt-mark auto '.*'</c> (then re-marking what was manual) and
    /// <c>apt-get purge --auto-remove</c>, or <c>apt-get autoremove</c>, in the same RUN as the install. Everything installed is gone again.
    /// </summary>
    private static bool RemovesWhatItInstalled(Analysis.Shell.ShellScript script, List<PackageCommand> commands) =>
        CommandInvocation.All(script).Any(i => i.Name == "apt-mark" && i.Subcommand()?.Value == "auto")
        || commands.Any(c => c.Manager == PackageManager.Apt && c.Action == PackageAction.Remove && (c.Subcommand?.Value == "autoremove" || c.Invocation.HasFlag("--auto-remove", "--autoremove")));

    private static bool IsToolchainPackage(string package) =>
        s_toolchainPackages.Contains(package) || package.EndsWith("-dev", StringComparison.Ordinal) || package.EndsWith("-devel", StringComparison.Ordinal)
        || (package.StartsWith("openjdk-", StringComparison.Ordinal) && package.Contains("-jdk", StringComparison.Ordinal));
}
