using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF311_AptInstallFlags;

/// <summary>An <c>apt-get install</c> missing <c>-y</c> and/or <c>--no-install-recommends</c>, and whether the fix should add ca-certificates.</summary>
internal sealed record AptInstallFlags(PackageCommand Command, bool MissingYes, bool MissingNoRecommends, bool AddCertificates)
{
    private static readonly HashSet<string> s_needCertificates = new(StringComparer.Ordinal) { "curl", "wget", "git" };

    /// <summary>The flags to insert after <c>install</c>.</summary>
    public string Flags => string.Join(' ', new[] { MissingYes ? "-y" : null, MissingNoRecommends ? "--no-install-recommends" : null }.OfType<string>());

    /// <summary>The edits: the flags after <c>install</c>, and ca-certificates before the first package when a TLS client is installed without it.</summary>
    public IReadOnlyList<Syntax.Text.TextChange> Changes()
    {
        var changes = new List<Syntax.Text.TextChange> { ScriptEdits.InsertAfter(Command.Subcommand!, Flags) };
        if (AddCertificates && Command.Packages.FirstOrDefault() is { } first) changes.Add(Syntax.Text.TextChange.Insert(first.Span.Start, "ca-certificates "));
        return changes;
    }

    public static IEnumerable<AptInstallFlags> Find(SemanticModel model, BuildStage stage, RunInstructionSyntax run, CancellationToken cancellationToken)
    {
        var script = model.GetShellScript(run, cancellationToken);
        if (!script.IsPosix) yield break;
        // Scanning the earlier RUNs of the stage for an apt configuration is the costly part: only done for an install that needs it.
        bool? recommendsConfigured = null;
        foreach (var command in PackageManagers.In(script))
        {
            if (command.Manager != PackageManager.Apt || command.Subcommand?.Value != "install") continue;
            var invocation = command.Invocation;
            // A simulation installs nothing and never prompts.
            if (invocation.HasFlag("-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon")) continue;
            var options = invocation.Arguments.Select(a => a.Value).ToList();
            var yes = invocation.HasFlag("-y", "--yes", "--assume-yes", "--force-yes") || QuietLevel(options) >= 2
                || options.Any(o => o.Contains("Assume-Yes", StringComparison.OrdinalIgnoreCase)) || FedByYes(script, invocation.Command);
            var noRecommends = invocation.HasFlag("--no-install-recommends")
                || options.Any(o => o.Contains("Install-Recommends", StringComparison.OrdinalIgnoreCase))
                || (recommendsConfigured ??= RecommendsConfigured(model, stage, run, cancellationToken));
            if (yes && noRecommends) continue;
            var packages = command.Packages.Select(p => p.Value.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
            var certificates = !noRecommends && packages.Overlaps(s_needCertificates) && !packages.Contains("ca-certificates");
            yield return new AptInstallFlags(command, !yes, !noRecommends, certificates);
        }
    }

    private static int QuietLevel(List<string> options)
    {
        var level = 0;
        foreach (var option in options)
        {
            if (option.StartsWith("--quiet=", StringComparison.Ordinal) && int.TryParse(option["--quiet=".Length..], out var value)) level = Math.Max(level, value);
            else if (option == "--quiet") level++;
            else if (option.StartsWith('-') && !option.StartsWith("--", StringComparison.Ordinal)) level += option.Count(c => c == 'q');
        }
        return level;
    }

    private static bool FedByYes(ShellScript script, ShellCommand command) =>
        command.PrecedingOperator == ShellOperator.Pipe && command.Index > 0 && script.Commands[command.Index - 1].Name == "yes";

    /// <summary>
    /// True when an earlier RUN of the stage (or its base stages) configures apt's recommends setting for good: the key
    /// <c>APT::Install-Recommends</c> written somewhere (not as an <c>-o</c> option, which only lasts for its own command).
    /// </summary>
    private static bool RecommendsConfigured(SemanticModel model, BuildStage stage, RunInstructionSyntax run, CancellationToken cancellationToken)
    {
        for (var current = stage; current is not null; current = current.BaseStage)
        {
            if (s_firstConfigurations.Get(model, current, cancellationToken) < run.Span.Start) return true;
        }
        return false;
    }

    // Per model and stage, where the first RUN that configures recommends starts (int.MaxValue: none). Asked for every apt-get
    // install, so scanning the earlier RUNs each time made a stage of many installs quadratic (3,000 took seconds).
    private static readonly StageMemo<int> s_firstConfigurations = new(FirstRecommendsConfiguration);

    private static int FirstRecommendsConfiguration(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            var tokens = model.GetShellScript(run, cancellationToken).Tokens;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (!tokens[i].Value.Contains("APT::Install-Recommends", StringComparison.OrdinalIgnoreCase)) continue;
                var isOption = tokens[i].Value.StartsWith("-o", StringComparison.Ordinal) || (i > 0 && tokens[i - 1].Value is "-o" or "--option");
                if (!isOption) return run.Span.Start;
            }
        }
        return int.MaxValue;
    }
}
