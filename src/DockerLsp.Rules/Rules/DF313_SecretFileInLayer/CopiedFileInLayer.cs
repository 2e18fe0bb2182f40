using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF313_SecretFileInLayer;

/// <summary>
/// A file copied from the build context that DF313 reports: a credential (by name), or any file a later RUN of the stage deletes
/// (it stays in the COPY layer). When one RUN both uses and deletes it, that RUN can mount the file instead (<see cref="Consumer"/>):
/// a secret mount for credentials, a bind mount otherwise.
/// </summary>
internal sealed record CopiedFileInLayer(CopyFacts Copy, string Source, string Target, bool IsCredential, bool IsDeletedLater, RunInstructionSyntax? Consumer, IReadOnlyList<ShellCommand> Removals)
{
    private static readonly string[] s_credentialNames = [".npmrc", ".pypirc", ".netrc", ".git-credentials", ".pgpass", "credentials.json", "service-account.json"];
    private static readonly string[] s_credentialPrefixes = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"];
    private static readonly string[] s_credentialExtensions = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore"];
    private static readonly string[] s_credentialPaths = [".docker/config.json", ".aws/credentials", ".kube/config", ".ssh/id_rsa", ".ssh/id_ed25519"];
    private static readonly string[] s_publicHints = ["cert", "chain", "ca.", "ca-", "ca_", "root", "bundle", "public", "pub."];
    private static readonly string[] s_certificateDirectories = ["/usr/local/share/ca-certificates", "/etc/ssl/certs", "/etc/pki/ca-trust", "/usr/share/ca-certificates"];

    /// <summary>True when the file name says "credential": private keys, token files, env files with real values.</summary>
    public static bool LooksLikeCredential(string source, string target)
    {
        var name = ContainerPaths.FileName(source).ToLowerInvariant();
        var path = ContainerPaths.Normalize(source).ToLowerInvariant();
        if (name.EndsWith(".pub", StringComparison.Ordinal)) return false;
        if (s_credentialNames.Contains(name) || s_credentialPaths.Any(p => path.EndsWith(p, StringComparison.Ordinal))) return true;
        if (s_credentialPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) return true;
        if (name == ".env" || (name.StartsWith(".env.", StringComparison.Ordinal) && !(name.EndsWith(".example", StringComparison.Ordinal) || name.EndsWith(".sample", StringComparison.Ordinal) || name.EndsWith(".template", StringComparison.Ordinal) || name.EndsWith(".dist", StringComparison.Ordinal) || name.EndsWith(".defaults", StringComparison.Ordinal)))) return true;
        if (!s_credentialExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal))) return false;
        // Certificates are public: CA bundles and certificate chains are meant to ship.
        if (s_certificateDirectories.Any(d => ContainerPaths.IsSameOrUnder(target, d))) return false;
        return !(name.EndsWith(".pem", StringComparison.Ordinal) && s_publicHints.Any(h => name.Contains(h, StringComparison.Ordinal)));
    }

    // Per model and stage: the analyzer and the fix of every finding ask for the same list, and computing it reads the stage.
    private static readonly StageMemo<IReadOnlyList<CopiedFileInLayer>> s_found = new((model, stage, cancellationToken) => Compute(model, stage, cancellationToken).ToList());

    /// <summary>The files of <paramref name="stage"/> DF313 reports, in document order (computed once per model and stage).</summary>
    public static IReadOnlyList<CopiedFileInLayer> Find(SemanticModel model, BuildStage stage, CancellationToken cancellationToken) =>
        s_found.Get(model, stage, cancellationToken);

    private static IEnumerable<CopiedFileInLayer> Compute(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        var instructions = stage.Instructions;
        RunMentions? mentions = null;
        for (var index = 0; index < instructions.Length; index++)
        {
            if (instructions[index] is not CopyLikeInstructionSyntax instruction) continue;
            if (CopyFacts.Of(model, instruction) is not { IsFromContext: true, HasHeredocSources: false } copy) continue;
            if (CopiedArchiveExtraction.Find(model, stage, instruction, cancellationToken) is not null) continue; // DF305's business.
            foreach (var source in copy.Sources)
            {
                if (ContainerPaths.HasWildcards(source) || source.Contains('$') || ContainerPaths.Normalize(source) is "." or "/") continue;
                var target = copy.TargetOf(source);
                var credential = LooksLikeCredential(source, target);
                mentions ??= RunMentions.Of(model, stage, cancellationToken);
                var (consumer, removals, deleted) = Usage(model, stage, index, target, credential, mentions, cancellationToken);
                if (!credential && !deleted) continue;
                var mountable = copy.Sources.Count == 1 && !instruction.Flags.Any() && consumer is not null;
                yield return new CopiedFileInLayer(copy, source, target, credential, deleted, mountable ? consumer : null, removals);
            }
        }
    }

    /// <summary>
    /// The first later RUN that mentions <paramref name="target"/>, the <c>rm</c> commands of it in that RUN, and whether any later RUN
    /// deletes it. The consumer is returned only when it both uses and deletes the file, nothing else between mentions it or copies over
    /// it, it runs as root (secret mounts are root-only by default), and it does not modify the file (bind mounts are read-only). A
    /// credential counts as used by the RUN that deletes it after other commands, since tools read such files by convention. Only the
    /// RUNs that mention the file are read (<see cref="RunMentions"/>).
    /// </summary>
    private static (RunInstructionSyntax? Consumer, IReadOnlyList<ShellCommand> Removals, bool Deleted) Usage(SemanticModel model, BuildStage stage, int copyIndex,
        string target, bool credential, RunMentions mentions, CancellationToken cancellationToken)
    {
        var instructions = stage.Instructions;
        var runs = mentions.After(copyIndex, target);
        if (runs.Count == 0) return (null, [], false);
        RunInstructionSyntax? consumer = null;
        IReadOnlyList<ShellCommand> consumerRemovals = [];
        var deleted = false;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = (RunInstructionSyntax)instructions[runs[i]];
            var script = model.GetShellScript(run, cancellationToken);
            var workdir = model.GetBuildState(run).Workdir;
            var removals = script.Commands.Where(c => c.Name == "rm" && CommandInvocation.Of(c) is { } rm && rm.Positionals().Any() && rm.Positionals().All(p => RunMentions.Refers(p.Value, target, workdir))).ToList();
            if (removals.Count > 0) deleted = true;
            // Only the first RUN that mentions the file can mount it, and only if no COPY between replaced it.
            if (i == 0 && !CopiedOverBetween(model, instructions, copyIndex, runs[0], target))
            {
                var modifies = CommandInvocation.All(script).Any(v => v.Name is "chmod" or "chown" or "mv" or "sed" or "cp" && v.Positionals().Any(p => RunMentions.Refers(p.Value, target, workdir)));
                var usesBesidesRemoval = script.Commands.Any(c => !removals.Contains(c) && c.Words.Any(w => RunMentions.Refers(w.Value, target, workdir)))
                    || script.Commands.Any(c => c.Redirections.Any(r => RunMentions.Refers(r.Value, target, workdir)));
                // Tools read credential files by convention (npm reads .npmrc, pip reads pip.conf): deleting one after other commands is the use.
                var usesImplicitly = credential && script.Commands.Any(c => !removals.Contains(c) && !c.Words.IsEmpty);
                if (removals.Count > 0 && (usesBesidesRemoval || usesImplicitly) && !modifies && model.GetBuildState(run).IsRoot && run.ShellForm is not null && !run.Heredocs.Any())
                {
                    consumer = run;
                    consumerRemovals = removals;
                }
            }
        }
        return (consumer, consumerRemovals, deleted);
    }

    private static bool CopiedOverBetween(SemanticModel model, System.Collections.Immutable.ImmutableArray<InstructionSyntax> instructions, int from, int to, string target)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (instructions[i] is CopyLikeInstructionSyntax other && CopyFacts.Of(model, other) is { } facts && ContainerPaths.IsSameOrUnder(target, facts.ResolvedDestination)) return true;
        }
        return false;
    }
}
