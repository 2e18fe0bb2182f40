using DockerLsp.TestUtilities;

namespace DockerLsp.Rules.Tests.Infrastructure;

/// <summary>
/// One data-driven rule test: <c>TestData/rules/&lt;ID&gt;/&lt;name&gt;.Dockerfile</c> with markup for the expected diagnostics, and
/// optionally <c>&lt;name&gt;.fixed.Dockerfile</c> (the result of fixing the diagnostics one at a time) and
/// <c>&lt;name&gt;.fixall.Dockerfile</c> (the result of one fix-all; defaults to the fixed file). Serializable by its path so that
/// each file is its own test case in the runner.
/// </summary>
public sealed record RuleTestCase(string RuleId, string Name)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "rules");

    public string InputPath => Path.Combine(Root, RuleId, Name + ".Dockerfile");
    public string FixedPath => Path.Combine(Root, RuleId, Name + ".fixed.Dockerfile");
    public string FixAllPath => Path.Combine(Root, RuleId, Name + ".fixall.Dockerfile");

    public static IEnumerable<RuleTestCase> All() =>
        Directory.EnumerateDirectories(Root)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*.Dockerfile")
                .Where(f => !f.EndsWith(".fixed.Dockerfile", StringComparison.Ordinal) && !f.EndsWith(".fixall.Dockerfile", StringComparison.Ordinal))
                .Select(f => new RuleTestCase(Path.GetFileName(directory), Path.GetFileName(f)[..^".Dockerfile".Length])))
            .OrderBy(c => c.RuleId, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal);

    public static string SourcePath(string outputPath) => Baseline.ToSourcePath(outputPath, Path.Combine("tests", "DockerLsp.Rules.Tests"));

    public override string ToString() => RuleId + "/" + Name;
}
