using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// A build context read from a directory of the source tree, with an overlay for files that fixes create or extend, so that a test
/// can apply a fix's <see cref="FileEdit"/>s and analyse again as if they had been written. Directories count as existing files
/// (hosts answer <c>FileExists(".git")</c> the same way). Paths git cannot hold (<c>.git/HEAD</c>) or that the repository ignores
/// (<c>node_modules</c>) are listed, one per line, in <c>virtual-files.txt</c> and exist with empty content.
/// </summary>
public sealed class DirectoryBuildContext : IBuildContext
{
    private readonly Dictionary<string, string> _overlay = new(StringComparer.Ordinal);

    public DirectoryBuildContext(string root)
    {
        Root = root;
        var virtualFiles = Path.Combine(root, "virtual-files.txt");
        if (!File.Exists(virtualFiles)) return;
        foreach (var line in File.ReadAllLines(virtualFiles).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            _overlay[line] = string.Empty;
        }
    }

    public string Root { get; }

    public bool FileExists(string relativePath) =>
        _overlay.ContainsKey(relativePath) || File.Exists(Path.Combine(Root, relativePath)) || Directory.Exists(Path.Combine(Root, relativePath));

    public string? ReadAllText(string relativePath)
    {
        if (_overlay.TryGetValue(relativePath, out var text)) return text;
        var path = Path.Combine(Root, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Applies file edits to the overlay: Create replaces, Append adds to the current content.</summary>
    public void Apply(IEnumerable<FileEdit> edits)
    {
        foreach (var edit in edits)
        {
            _overlay[edit.RelativePath] = edit.Kind == FileEditKind.Create ? edit.Text : (ReadAllText(edit.RelativePath) ?? string.Empty) + edit.Text;
        }
    }
}

/// <summary>Shared helpers of the best-practice tests: where their data lives, which rules are ours, markup comparison.</summary>
public static class BestPracticeTestSupport
{
    /// <summary>The rules this suite covers: DF301–DF316 and DF501.</summary>
    public static bool IsBestPracticeRule(string id) => id.StartsWith("DF3", StringComparison.Ordinal) || id == "DF501";

    /// <summary>The source-tree folder of the rule test data (read in place, so dot files such as .dockerignore need no copying).</summary>
    public static string RulesData => Path.Combine(Corpus.RepoRoot, "tests", "DockerLsp.Rules.Tests", "TestData", "rules");

    /// <summary>The configuration with DF501 turned on (it is off by default).</summary>
    public static AnalysisConfiguration WithPinningRule => AnalysisConfiguration.Default.WithRuleSeverity("DF501", RuleSeverity.Info);

    /// <summary>Asserts that the diagnostics of <paramref name="ruleId"/> are exactly the spans marked in <paramref name="markup"/>.</summary>
    public static void AssertMatchesMarkup(Markup markup, IEnumerable<Diagnostic> diagnostics, string ruleId)
    {
        var actual = diagnostics.Where(d => d.Id == ruleId).Select(d => new MarkedSpan(null, d.Span));
        var expected = markup.Spans.Where(s => s.Id is null || s.Id == ruleId).Select(s => s with { Id = null });
        Assert.Equal(Markup.Render(markup.Text, expected), Markup.Render(markup.Text, actual));
    }

    /// <summary>Compares with a checked-in expected file, or rewrites it when baselines are being updated.</summary>
    public static void CompareOrUpdate(string path, string actual)
    {
        if (Baseline.UpdateRequested)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != actual) File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Missing {path}; run with DOCKERLSP_UPDATE_BASELINES=1 to create it. Actual:\n{actual}");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>One fix-all pass over every fixable diagnostic accepted by <paramref name="filter"/>.</summary>
    public static Task<FixAllResult> FixAllOnceAsync(DockerfileDocument document, AnalysisConfiguration configuration, Func<Diagnostic, bool> filter)
    {
        var diagnostics = RuleCatalog.Driver.Analyze(document, configuration).Where(filter).ToImmutableArray();
        return RuleCatalog.FixAllService.FixAllInDocumentAsync(document, diagnostics);
    }
}
