using DockerLsp.Analysis;
using DockerLsp.Rules.Tests.Infrastructure;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// The generic rule runner over <c>TestData/rules</c>: expected diagnostics (from markup), the fixed result, that every fix removes
/// its diagnostic without adding a syntax error, idempotence, and fix-all. Set DOCKERLSP_UPDATE_BASELINES=1 to rewrite the
/// <c>.fixed</c>/<c>.fixall</c> files from the actual results.
/// </summary>
public sealed class RuleDataTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in RuleTestCase.All()) data.Add(testCase.ToString());
        return data;
    }

    private static RuleTestCase Find(string name) => RuleTestCase.All().Single(c => c.ToString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_markup(string name)
    {
        var testCase = Find(name);
        var markup = Markup.Parse(File.ReadAllText(testCase.InputPath));
        var document = DockerfileDocument.Create(markup.Text, "Dockerfile");
        var checkedIds = markup.Spans.Select(s => s.Id ?? testCase.RuleId).Append(testCase.RuleId).ToHashSet();
        var actual = FixRunner.Analyze(document).Where(d => checkedIds.Contains(d.Id)).Select(d => new MarkedSpan(d.Id == testCase.RuleId ? null : d.Id, d.Span)).ToList();
        var expected = markup.Spans.Select(s => s with { Id = s.Id == testCase.RuleId ? null : s.Id }).ToList();
        var expectedText = Markup.Render(markup.Text, expected);
        var actualText = Markup.Render(markup.Text, actual);
        Assert.Equal(expectedText, actualText);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixes_apply_cleanly(string name)
    {
        var testCase = Find(name);
        var markup = Markup.Parse(File.ReadAllText(testCase.InputPath));
        var document = DockerfileDocument.Create(markup.Text, "Dockerfile");
        var syntaxErrors = document.SyntaxTree.GetDiagnostics().Count(d => d.Severity == Syntax.Diagnostics.DiagnosticSeverity.Error);

        // Every single fix: no new syntax error, and it removes the diagnostic it was offered for.
        var diagnostics = FixRunner.Analyze(document).Where(d => d.Id == testCase.RuleId).ToList();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var action in RuleCatalog.CodeFixService.GetFixes(document, diagnostic))
            {
                var fixedDocument = FixRunner.Apply(document, action);
                Assert.True(fixedDocument.SyntaxTree.GetDiagnostics().Count(d => d.Severity == Syntax.Diagnostics.DiagnosticSeverity.Error) <= syntaxErrors,
                    $"'{action.Title}' introduced a syntax error:\n{fixedDocument.Text}");
                var remaining = FixRunner.Analyze(fixedDocument).Count(d => d.Id == testCase.RuleId);
                Assert.True(remaining < diagnostics.Count, $"'{action.Title}' did not remove its {testCase.RuleId}:\n{fixedDocument.Text}");
            }
        }

        var (fixedOneByOne, steps) = FixRunner.FixOneByOne(document, testCase.RuleId);
        if (steps == 0 && !File.Exists(testCase.FixedPath)) return;
        CompareOrUpdate(testCase.FixedPath, fixedOneByOne.Text.ToString());

        // Idempotence: nothing left to fix.
        var (again, moreSteps) = FixRunner.FixOneByOne(fixedOneByOne, testCase.RuleId);
        Assert.True(moreSteps == 0, $"Fixing again changed the text:\n{again.Text}");

        // Fix-all in one pass gives the .fixall file, or the same as one by one.
        var fixAll = FixRunner.FixAll(document, testCase.RuleId).Text.ToString();
        if (File.Exists(testCase.FixAllPath)) CompareOrUpdate(testCase.FixAllPath, fixAll);
        else if (fixAll != fixedOneByOne.Text.ToString() && Baseline.UpdateRequested) CompareOrUpdate(testCase.FixAllPath, fixAll);
        else Assert.Equal(fixedOneByOne.Text.ToString(), fixAll);
    }

    private static void CompareOrUpdate(string path, string actual)
    {
        if (Baseline.UpdateRequested)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != actual)
            {
                File.WriteAllText(RuleTestCase.SourcePath(path), actual);
                File.WriteAllText(path, actual);
            }
            return;
        }
        Assert.True(File.Exists(path), $"Missing {path}; run with DOCKERLSP_UPDATE_BASELINES=1 to create it. Actual:\n{actual}");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
