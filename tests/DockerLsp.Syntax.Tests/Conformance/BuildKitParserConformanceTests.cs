using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Printing;
using DockerLsp.Syntax.Tests.Infrastructure;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Syntax.Tests.Conformance;

/// <summary>BuildKit's own parser test data: every positive case dumps byte for byte like BuildKit; negatives fail.</summary>
public class BuildKitParserConformanceTests
{
    public static TheoryData<string> PositiveCases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Corpus.BuildKitParser, "testfiles")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    public static TheoryData<string> NegativeCases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Corpus.BuildKitParser, "negative")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Fact]
    public void CorpusHasAllCases()
    {
        Assert.Equal(33, PositiveCases().Count);
        Assert.Equal(4, NegativeCases().Count);
    }

    [Theory]
    [MemberData(nameof(PositiveCases))]
    public void DumpMatchesBuildKitResult(string name)
    {
        var dir = Path.Combine(Corpus.BuildKitParser, "testfiles", name);
        var tree = TreeAssert.ParseFile(Path.Combine(dir, "Dockerfile"));
        var expected = File.ReadAllText(Path.Combine(dir, "result")).Replace("\r\n", "\n");
        Assert.Equal(expected, BuildKitDumper.Dump(tree));
    }

    [Theory]
    [MemberData(nameof(PositiveCases))]
    public void PositiveCaseRoundTripsWithoutParseErrors(string name)
    {
        var tree = TreeAssert.ParseFile(Path.Combine(Corpus.BuildKitParser, "testfiles", name, "Dockerfile"));
        TreeAssert.RoundTrips(tree);
        // The parser layer of BuildKit accepts these; only instruction-level checks (unknown keywords) may complain.
        var parseErrors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id is SyntaxDiagnosticIds.UnterminatedHeredoc
            or SyntaxDiagnosticIds.InvalidEscapeDirective or SyntaxDiagnosticIds.DuplicateDirective or SyntaxDiagnosticIds.NoInstructions
            or SyntaxDiagnosticIds.JsonArrayNotStrings or SyntaxDiagnosticIds.LineTooLong);
        Assert.Empty(parseErrors);
    }

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public void NegativeCaseReportsAnErrorAndRoundTrips(string name)
    {
        var path = Path.Combine(Corpus.BuildKitParser, "negative", name, "Dockerfile");
        var tree = TreeAssert.ParseFile(path);
        TreeAssert.RoundTrips(tree);
        Assert.Equal(new FileInfo(path).Length == 0, tree.Root.ToFullString().Length == 0);
        Assert.Contains(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TestfileLineHasBuildKitInstructionRanges()
    {
        var tree = TreeAssert.ParseFile(Path.Combine(Corpus.BuildKitParser, "testfile-line", "Dockerfile"));
        var text = tree.Text.ToString();
        var ranges = tree.Root.Instructions.Select(i => (Line(text, i.Keyword.Span.Start), Line(text, i.FullSpan.End - 1))).ToArray();
        Assert.Equal(new[] { (5, 5), (11, 12), (17, 31) }, ranges);
    }

    /// <summary>1-based physical line (LF-separated, as BuildKit counts) of an offset.</summary>
    private static int Line(string text, int offset) => 1 + text.AsSpan(0, offset).Count('\n');
}
