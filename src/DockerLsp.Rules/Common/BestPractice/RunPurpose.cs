using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// What a RUN is for, by how often its inputs change: system setup (OS packages, users, certificates) changes rarely, language
/// dependencies change with the lockfile, builds change with every source edit. Experienced authors keep these in separate layers on
/// purpose, so DF301 only suggests chaining RUNs of the same purpose (or small miscellaneous steps next to system setup).
/// </summary>
internal enum RunPurpose
{
    Miscellaneous,
    SystemSetup,
    Dependencies,
    Build,
}

/// <summary>Classifies commands and RUN scripts into <see cref="RunPurpose"/>; the script's purpose is that of its most volatile command.</summary>
internal static class RunPurposes
{
    private static readonly HashSet<string> s_systemCommands = new(StringComparer.Ordinal)
    {
        "useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod", "locale-gen", "update-locale", "update-ca-certificates",
        "apt-key", "add-apt-repository", "dpkg-reconfigure", "ln", "localedef", "update-alternatives", "chsh", "passwd",
    };

    private static readonly HashSet<string> s_buildCommands = new(StringComparer.Ordinal)
    {
        "make", "cmake", "ninja", "gcc", "g++", "cc", "c++", "clang", "clang++", "javac", "rustc", "tsc", "webpack", "vite", "meson", "scons", "bazel", "msbuild",
    };

    public static RunPurpose Of(ShellScript script)
    {
        var purpose = RunPurpose.Miscellaneous;
        foreach (var invocation in CommandInvocation.All(script))
        {
            var commandPurpose = Of(invocation);
            if (commandPurpose > purpose) purpose = commandPurpose;
        }
        return purpose;
    }

    public static RunPurpose Of(CommandInvocation invocation)
    {
        if (DependencyInstalls.Recognize(invocation) is not null) return RunPurpose.Dependencies;
        if (IsBuild(invocation)) return RunPurpose.Build;
        if (PackageManagers.Classify(invocation) is { } package)
        {
            return package.IsSystemManager ? RunPurpose.SystemSetup : RunPurpose.Dependencies;
        }
        if (s_systemCommands.Contains(invocation.Name)) return RunPurpose.SystemSetup;
        return RunPurpose.Miscellaneous;
    }

    /// <summary>Compiling or bundling: go build, npm run build, dotnet publish, mvn package, cargo build, make, ./configure...</summary>
    public static bool IsBuild(CommandInvocation invocation)
    {
        var name = invocation.Name;
        if (s_buildCommands.Contains(name) || name is "configure" or "./configure" || invocation.NameToken.Value.EndsWith("/configure", StringComparison.Ordinal)) return true;
        var verb = invocation.Subcommand()?.Value;
        return name switch
        {
            "go" => verb is "build" or "install" or "generate" or "test" or "vet",
            "npm" or "pnpm" => verb is "run" or "run-script" or "build" or "test" or "prune",
            "yarn" => verb is "run" or "build" or "test" || (verb is not null && verb is not ("install" or "add" or "cache" or "remove" or "global" or "config" or "set" or "policies")),
            "dotnet" => verb is "build" or "publish" or "test" or "pack",
            "mvn" or "mvnw" or "./mvnw" => invocation.Positionals().Any(p => p.Value is "package" or "install" or "compile" or "verify" or "deploy"),
            "gradle" or "gradlew" or "./gradlew" => invocation.Positionals().Any(p => p.Value is "build" or "assemble" or "bootJar" or "jar" or "installDist" or "shadowJar"),
            "cargo" => verb is "build" or "install" or "test",
            "python" or "python3" => invocation.Positionals().FirstOrDefault()?.Value is "setup.py" or "-m" && invocation.Arguments.Any(a => a.Value is "build" or "compileall" or "bdist_wheel"),
            _ => false,
        };
    }

    /// <summary>True when DF301 should suggest chaining a RUN of purpose <paramref name="first"/> with one of purpose <paramref name="second"/>.</summary>
    public static bool AreCompatible(RunPurpose first, RunPurpose second) =>
        first == second
        || (first, second) is (RunPurpose.Miscellaneous, RunPurpose.SystemSetup) or (RunPurpose.SystemSetup, RunPurpose.Miscellaneous);
}
