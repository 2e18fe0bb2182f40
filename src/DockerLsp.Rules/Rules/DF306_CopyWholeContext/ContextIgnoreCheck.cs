using DockerLsp.Analysis;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF306_CopyWholeContext;

/// <summary>How well the build context is guarded against <c>COPY .</c>.</summary>
internal enum ContextGuard
{
    /// <summary>No build context is known (an unsaved buffer, stdin): only a reminder is possible.</summary>
    Unknown,

    /// <summary>The context has no ignore file at all.</summary>
    Missing,

    /// <summary>The ignore file exists but lets through entries that exist in the context (<see cref="ContextIgnoreCheck.MissingEntries"/>).</summary>
    Incomplete,

    /// <summary>The ignore file excludes what it should (or uses exceptions, which DockerLsp does not second-guess).</summary>
    Adequate,
}

/// <summary>
/// Inspects the build context for DF306 through <see cref="IBuildContext"/> (no IO here): which ignore file applies (BuildKit
/// prefers <c>&lt;Dockerfile name&gt;.dockerignore</c> over <c>.dockerignore</c>), whether it exists, which of the entries that should
/// never reach an image exist in the context but are not excluded, and what a new <c>.dockerignore</c> should contain.
/// </summary>
internal sealed class ContextIgnoreCheck
{
    /// <summary>Entries that should never be sent to the builder, with a path that shows they exist in the context.</summary>
    private static readonly (string Entry, string[] Probes)[] s_mustExclude =
    [
        (".git", [".git", ".git/HEAD"]),
        (".env", [".env"]),
        ("node_modules", ["node_modules", "node_modules/.package-lock.json"]),
    ];

    private ContextIgnoreCheck(ContextGuard guard, IReadOnlyList<string> missingEntries)
    {
        Guard = guard;
        MissingEntries = missingEntries;
    }

    public ContextGuard Guard { get; }
    public IReadOnlyList<string> MissingEntries { get; }

    public static ContextIgnoreCheck Of(DockerfileDocument document)
    {
        if (document.BuildContext is not { } context) return new(ContextGuard.Unknown, []);
        var name = document.Path is { } path ? Path.GetFileName(path) : null;
        var ignoreFile = name is not null && context.FileExists(name + ".dockerignore") ? name + ".dockerignore" : ".dockerignore";
        if (!context.FileExists(ignoreFile)) return new(ContextGuard.Missing, []);
        if (context.ReadAllText(ignoreFile) is not { } text) return new(ContextGuard.Adequate, []);
        var ignore = DockerIgnore.Parse(text);
        if (ignore.HasExceptions) return new(ContextGuard.Adequate, []);
        var missing = s_mustExclude.Where(e => e.Probes.Any(context.FileExists) && !ignore.IsExcluded(e.Entry)).Select(e => e.Entry).ToList();
        return new(missing.Count == 0 ? ContextGuard.Adequate : ContextGuard.Incomplete, missing);
    }

    /// <summary>
    /// The content of a new <c>.dockerignore</c>: version control, dependencies, local secrets, the Dockerfile itself, and the build
    /// outputs of the ecosystems the Dockerfile uses; minus any pattern that would exclude a file the Dockerfile copies by name.
    /// </summary>
    public static string DefaultContent(SemanticModel model, string? dockerfileName)
    {
        var entries = new List<string> { ".git", "**/node_modules", "**/.env", "**/*.pem", "**/*.key", dockerfileName is null or "Dockerfile" ? "Dockerfile*" : dockerfileName, ".dockerignore" };
        var text = model.SyntaxTree.Text.ToString();
        var images = string.Join(' ', model.Stages.Select(s => s.BaseText));
        if (Uses(images, text, "dotnet")) entries.AddRange(["**/bin", "**/obj"]);
        if (Uses(images, text, "python") || Uses(images, text, "pip")) entries.AddRange(["**/__pycache__", "**/*.pyc", "**/.venv"]);
        if (Uses(images, text, "mvn") || Uses(images, text, "maven")) entries.Add("**/target");
        var copied = ExplicitSources(model);
        var kept = entries.Where(e => !copied.Any(source => DockerIgnore.PatternMatches(e, source))).ToList();
        return "# Keep the build context small and free of secrets (created by DockerLsp, rule DF306).\n" + string.Join("\n", kept) + "\n";
    }

    private static bool Uses(string images, string text, string word) =>
        images.Contains(word, StringComparison.OrdinalIgnoreCase) || text.Contains(word + " ", StringComparison.Ordinal);

    /// <summary>Sources the Dockerfile copies from the context by name (not <c>.</c>), wildcards removed.</summary>
    private static List<string> ExplicitSources(SemanticModel model)
    {
        var result = new List<string>();
        foreach (var stage in model.Stages)
        {
            foreach (var copy in stage.Instructions.OfType<CopyLikeInstructionSyntax>())
            {
                if (CopyFacts.Of(model, copy) is not { IsFromContext: true } facts) continue;
                foreach (var source in facts.Sources)
                {
                    var clean = ContainerPaths.Normalize(source.Replace("*", "x", StringComparison.Ordinal));
                    if (clean is not ("." or "/")) result.Add(clean.TrimStart('/'));
                }
            }
        }
        return result;
    }
}
