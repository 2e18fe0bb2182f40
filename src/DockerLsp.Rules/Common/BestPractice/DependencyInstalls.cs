using DockerLsp.Analysis;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>The dependency managers DF307 recognises.</summary>
internal enum DependencyEcosystem
{
    Npm,
    Yarn,
    Pnpm,
    Pip,
    Poetry,
    Uv,
    Pipenv,
    Bundler,
    GoModules,
    Dotnet,
    Maven,
    Gradle,
    Cargo,
    Composer,
}

/// <summary>
/// A command that installs a project's dependencies from its manifests (<c>npm ci</c>, <c>pip install -r requirements.txt</c>,
/// <c>go mod download</c>...). <see cref="CanRunWithManifestsOnly"/> is false when the command also needs the sources (poetry
/// without <c>--no-root</c>, composer scripts...), in which case DF307 reports but does not rewrite. <see cref="ExplicitFiles"/> are
/// manifest paths written on the command line (pip's <c>-r</c> files, a dotnet project).
/// </summary>
internal sealed record DependencyInstall(CommandInvocation Invocation, DependencyEcosystem Ecosystem, bool CanRunWithManifestsOnly, IReadOnlyList<string> ExplicitFiles)
{
    /// <summary>The conventional manifest files of the ecosystem, in the install directory (context-relative names).</summary>
    public IReadOnlyList<string> ConventionalManifests => Ecosystem switch
    {
        DependencyEcosystem.Npm => ["package.json", "package-lock.json", "npm-shrinkwrap.json"],
        DependencyEcosystem.Yarn => ["package.json", "yarn.lock"],
        DependencyEcosystem.Pnpm => ["package.json", "pnpm-lock.yaml"],
        DependencyEcosystem.Poetry => ["pyproject.toml", "poetry.lock"],
        DependencyEcosystem.Uv => ["pyproject.toml", "uv.lock"],
        DependencyEcosystem.Pipenv => ["Pipfile", "Pipfile.lock"],
        DependencyEcosystem.Bundler => ["Gemfile", "Gemfile.lock"],
        DependencyEcosystem.GoModules => ["go.mod", "go.sum"],
        DependencyEcosystem.Composer => ["composer.json", "composer.lock"],
        DependencyEcosystem.Maven => ["pom.xml"],
        DependencyEcosystem.Cargo => ["Cargo.toml", "Cargo.lock"],
        _ => [],
    };

    /// <summary>Configuration files the install reads when they exist (only copied when the build context shows them).</summary>
    public IReadOnlyList<string> OptionalConfiguration => Ecosystem switch
    {
        DependencyEcosystem.Npm or DependencyEcosystem.Pnpm => [".npmrc"],
        DependencyEcosystem.Yarn => [".yarnrc", ".npmrc"],
        DependencyEcosystem.Dotnet => ["NuGet.config", "nuget.config", "NuGet.Config", "Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets", "global.json"],
        DependencyEcosystem.Maven => [".mvn/maven.config", ".mvn/jvm.config"],
        _ => [],
    };

    /// <summary>
    /// The context-relative files to COPY before the install, or null when they cannot be known safely. Without a build context the
    /// conventional names are used (npm's <c>package*.json</c> glob, which tolerates a missing lockfile); with one, only files that exist.
    /// </summary>
    public IReadOnlyList<string>? ManifestsToCopy(IBuildContext? context)
    {
        if (!CanRunWithManifestsOnly) return null;
        if (Ecosystem == DependencyEcosystem.Pip) return ExplicitFiles.Count == 0 ? null : FollowRequirementIncludes(context);
        if (Ecosystem == DependencyEcosystem.Dotnet) return context is null ? null : DotnetProjects.Manifests(context, ExplicitFiles, OptionalConfiguration);
        if (Ecosystem is DependencyEcosystem.Gradle or DependencyEcosystem.Cargo) return null;
        if (context is null)
        {
            return Ecosystem == DependencyEcosystem.Npm ? ["package*.json"] : ConventionalManifests.Take(Ecosystem == DependencyEcosystem.Maven ? 1 : 2).ToArray();
        }
        var existing = ConventionalManifests.Concat(OptionalConfiguration).Where(context.FileExists).ToList();
        if (existing.Count == 0 || !context.FileExists(ConventionalManifests[0])) return null;
        if (Ecosystem == DependencyEcosystem.Yarn && context.FileExists(".yarnrc.yml")) return null; // Yarn 2+ also needs .yarn/releases and plugins.
        if (Ecosystem == DependencyEcosystem.Pnpm && context.FileExists("pnpm-workspace.yaml")) return null; // Workspaces need every package's manifest.
        if (Ecosystem == DependencyEcosystem.Maven && context.ReadAllText("pom.xml") is { } pom && pom.Contains("<modules>", StringComparison.Ordinal)) return null;
        if (Ecosystem == DependencyEcosystem.Bundler && context.ReadAllText("Gemfile") is { } gemfile && gemfile.Contains("gemspec", StringComparison.Ordinal)) return null;
        return existing;
    }

    private List<string> FollowRequirementIncludes(IBuildContext? context)
    {
        var result = new List<string>();
        var queue = new Queue<string>(ExplicitFiles);
        while (queue.Count > 0 && result.Count < 32)
        {
            var file = queue.Dequeue();
            if (result.Contains(file, StringComparer.Ordinal)) continue;
            result.Add(file);
            if (context?.ReadAllText(file) is not { } content) continue;
            var directory = file.Contains('/') ? file[..(file.LastIndexOf('/') + 1)] : string.Empty;
            foreach (var raw in content.Split('\n'))
            {
                var line = raw.Trim();
                foreach (var prefix in new[] { "-r ", "--requirement ", "-c ", "--constraint " })
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal)) queue.Enqueue(ContainerPaths.Normalize(directory + line[prefix.Length..].Trim()));
                }
            }
        }
        return result;
    }
}

/// <summary>Recognises dependency-install commands (see <see cref="DependencyInstall"/>).</summary>
internal static class DependencyInstalls
{
    public static DependencyInstall? Recognize(CommandInvocation invocation)
    {
        var name = invocation.Name;
        var positionals = invocation.Positionals(PackageManagers.FlagsWithValue(PackageManager.Pip));
        var verb = positionals.FirstOrDefault()?.Value;
        switch (name)
        {
            case "npm" when verb is "ci" or "install" or "i" or "install-clean" && positionals.Length == 1 && !invocation.HasFlag("-g", "--global"):
                return new(invocation, DependencyEcosystem.Npm, true, []);
            case "yarn" when (verb is null || (verb == "install" && positionals.Length == 1)) && !invocation.HasFlag("--help"):
                return new(invocation, DependencyEcosystem.Yarn, true, []);
            case "pnpm" when verb is "install" or "i" && positionals.Length == 1:
                return new(invocation, DependencyEcosystem.Pnpm, true, []);
            case "pip" when verb == "install":
                {
                    var requirements = RequirementFiles(invocation);
                    if (requirements.Count == 0) return null;
                    // Anything else on the line (a package, '.', '-e .') needs the sources or is not a manifest install.
                    var onlyRequirements = positionals.Length == 1 && !invocation.HasFlag("-e", "--editable");
                    return new(invocation, DependencyEcosystem.Pip, onlyRequirements, requirements);
                }
            case "poetry" when verb == "install":
                return new(invocation, DependencyEcosystem.Poetry, invocation.HasFlag("--no-root") && !invocation.HasFlag("--only-root"), []);
            case "uv" when verb == "sync":
                return new(invocation, DependencyEcosystem.Uv, invocation.HasFlag("--no-install-project"), []);
            case "uv" when verb == "pip" && positionals.Length > 1 && positionals[1].Value == "install":
                {
                    var requirements = RequirementFiles(invocation);
                    return requirements.Count == 0 ? null : new(invocation, DependencyEcosystem.Pip, positionals.Length == 2, requirements);
                }
            case "pipenv" when verb == "install" && positionals.Length == 1:
                return new(invocation, DependencyEcosystem.Pipenv, true, []);
            case "bundle" or "bundler" when verb is null or "install":
                return new(invocation, DependencyEcosystem.Bundler, true, []);
            case "go" when verb == "mod" && positionals.Length > 1 && positionals[1].Value == "download":
                return new(invocation, DependencyEcosystem.GoModules, true, []);
            case "dotnet" when verb == "restore":
                return new(invocation, DependencyEcosystem.Dotnet, true, positionals.Skip(1).Select(p => p.Value).Where(DotnetProjects.IsProjectOrSolution).ToArray());
            case "mvn" or "mvnw" or "./mvnw" when positionals.Any(p => p.Value.StartsWith("dependency:go-offline", StringComparison.Ordinal) || p.Value.StartsWith("dependency:resolve", StringComparison.Ordinal)):
                return new(invocation, DependencyEcosystem.Maven, name == "mvn", []);
            case "gradle" or "gradlew" or "./gradlew" when positionals.Any(p => p.Value is "dependencies" or "downloadDependencies" or "resolveDependencies"):
                return new(invocation, DependencyEcosystem.Gradle, false, []);
            case "cargo" when verb is "fetch" or "vendor":
                return new(invocation, DependencyEcosystem.Cargo, false, []);
            case "composer" when verb == "install":
                return new(invocation, DependencyEcosystem.Composer, invocation.HasFlag("--no-scripts"), []);
            default:
                return null;
        }
    }

    private static List<string> RequirementFiles(CommandInvocation invocation)
    {
        var files = new List<string>();
        var arguments = invocation.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i].Value;
            if ((value is "-r" or "--requirement" or "-c" or "--constraint") && i + 1 < arguments.Length) files.Add(arguments[++i].Value);
            else if (value.StartsWith("--requirement=", StringComparison.Ordinal)) files.Add(value["--requirement=".Length..]);
            else if (value.StartsWith("--constraint=", StringComparison.Ordinal)) files.Add(value["--constraint=".Length..]);
            else if (value.StartsWith("-r", StringComparison.Ordinal) && value.Length > 2 && !value.StartsWith("--", StringComparison.Ordinal)) files.Add(value[2..]);
        }
        return files;
    }
}
