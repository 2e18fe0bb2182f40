using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Tests.Infrastructure;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Syntax.Tests.Conformance;

/// <summary>The 290 real-world Dockerfiles: exact round trip, no error-severity syntax diagnostic, sane instruction lists.</summary>
public class RealWorldCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.RealWorldFiles()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void CorpusHas290Files() => Assert.Equal(290, Files().Count);

    [Theory]
    [MemberData(nameof(Files))]
    public void ParsesLosslesslyWithoutErrors(string name)
    {
        var tree = TreeAssert.ParseFile(Path.Combine(Corpus.RealWorld, name));
        TreeAssert.RoundTrips(tree);
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e} '{tree.Text.ToString(e.Span)}'")));
        Assert.NotEmpty(tree.Root.Instructions);
        Assert.Contains(tree.Root.Instructions, i => i.Kind == SyntaxKind.FromInstruction);
    }

    [Fact]
    public void KnownQuirksAreWarningsAtMost()
    {
        var plex = TreeAssert.ParseFile(Path.Combine(Corpus.RealWorld, "linuxserver__docker-plex__Dockerfile"));
        Assert.Contains(plex.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.EmptyContinuationLine && d.Severity == DiagnosticSeverity.Warning);
        var gitlab = TreeAssert.ParseFile(Path.Combine(Corpus.RealWorld, "gitlabhq__omnibus-gitlab__docker__Dockerfile"));
        var shell = gitlab.Root.Instructions.OfType<ShellInstructionSyntax>().Single();
        Assert.False(shell.IsExecForm);
    }
}
