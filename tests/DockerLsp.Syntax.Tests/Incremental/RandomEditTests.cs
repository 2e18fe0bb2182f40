using System.Text.Json;
using DockerLsp.Syntax.Tests.Infrastructure;
using DockerLsp.Syntax.Text;
using DockerLsp.TestUtilities;
using Xunit;
using Xunit.Abstractions;

namespace DockerLsp.Syntax.Tests.Incremental;

/// <summary>
/// Randomized edit-and-undo over every corpus file (tree-sitter style): each step applies a random edit built from
/// Dockerfile-significant snippets, checks the incremental tree against a full parse, then undoes it and checks again.
/// The seed is logged; a failing case is saved under TestData/regressions and replayed by <see cref="RegressionsReplay"/>.
/// Set DOCKERLSP_FUZZ_SEED to reproduce a run.
/// </summary>
public class RandomEditTests(ITestOutputHelper output)
{
    /// <summary>At least 20,000 edit steps per default run (each step is checked twice: edit, then undo).</summary>
    private const int TotalSteps = 20_000;

    private static readonly string[] s_snippets =
    [
        "\\\n", "\n", "\r\n", "\r", " ", "\t", "#", "# comment\n", "RUN ", "FROM x\n", "<<EOF\n", "EOF\n", "<<-EOT ", "\tEOT\n",
        "\"", "'", "${", "}", "$VAR", "[\"a\", \"b\"]", "[", "]", ",", "`", "--mount=type=cache,target=/x ", "--", "=",
        "ENV A=1 B=\"2 3\"\n", "ARG X\n", "ONBUILD RUN <<X\n", "X\n", "COPY <<A <<B /d/\n", "\uFEFF", "# escape=`\n", "# syntax=x\n",
        "HEALTHCHECK CMD true\n", "\\", "\\ \n", "AS s", "LABEL a b", "\n\n", "x",
    ];

    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        var dir = RegressionDirectory;
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        }
        return data;
    }

    private static string RegressionDirectory => Path.Combine(Corpus.RepoRoot, "tests", "DockerLsp.Syntax.Tests", "TestData", "regressions");

    [Fact]
    public void RandomEditsAndUndosMatchFullParse()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKERLSP_FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Environment.TickCount;
        output.WriteLine($"seed={seed} (set DOCKERLSP_FUZZ_SEED={seed} to reproduce)");
        var random = new Random(seed);
        var files = Corpus.RealWorldFiles()
            .Concat(Directory.EnumerateDirectories(Path.Combine(Corpus.BuildKitParser, "testfiles")).Select(d => Path.Combine(d, "Dockerfile")))
            .ToArray();
        var stepsPerFile = (TotalSteps + files.Length - 1) / files.Length;
        var steps = 0;
        foreach (var file in files)
        {
            var original = SourceText.FromUtf8(File.ReadAllBytes(file));
            var tree = SyntaxTree.Parse(original);
            for (var i = 0; i < stepsPerFile; i++)
            {
                var change = RandomChange(random, tree.Text);
                var edited = Check(tree, change, file, seed);
                var undo = new TextChange(new TextSpan(change.Span.Start, change.NewText.Length), tree.Text.ToString(change.Span));
                var restored = Check(edited, undo, file, seed);
                Assert.Equal(tree.Text.ToString(), restored.Text.ToString());
                // Walk forward sometimes, so edits pile up; otherwise stay on the original.
                tree = random.Next(3) == 0 ? edited : restored;
                steps++;
            }
        }
        output.WriteLine($"{steps} edit steps over {files.Length} files");
        Assert.True(steps >= TotalSteps);
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void RegressionsReplay(string name)
    {
        var json = File.ReadAllText(Path.Combine(RegressionDirectory, name));
        var saved = JsonSerializer.Deserialize<SavedCase>(json)!;
        var tree = SyntaxTree.Parse(saved.Text);
        IncrementalTestHelper.EditAndVerify(tree, new TextChange(new TextSpan(saved.Start, saved.Length), saved.Insert));
    }

    private static SyntaxTree Check(SyntaxTree tree, TextChange change, string file, int seed)
    {
        var newText = tree.Text.WithChanges(change);
        var incremental = tree.WithChangedText(newText);
        var full = SyntaxTree.Parse(newText, new ParseOptions { ForceFullReparse = true });
        var difference = TreeEquivalence.FindDifference(incremental, full);
        if (difference is null && incremental.Root.ToFullString() == newText.ToString()) return incremental;
        var saved = new SavedCase(Path.GetFileName(file), seed, tree.Text.ToString(), change.Span.Start, change.Span.Length, change.NewText);
        Directory.CreateDirectory(RegressionDirectory);
        var path = Path.Combine(RegressionDirectory, $"{Path.GetFileName(file)}-{seed}-{change.Span.Start}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(saved, new JsonSerializerOptions { WriteIndented = true }));
        Assert.Fail($"Incremental reparse of {file} differs after {change} (seed {seed}); saved {path}:\n{difference}");
        return incremental;
    }

    private static TextChange RandomChange(Random random, SourceText text)
    {
        var length = text.Length;
        var start = length == 0 ? 0 : random.Next(length + 1);
        // Prefer line starts and line ends now and then: that is where Dockerfile structure changes.
        if (random.Next(4) == 0 && length > 0)
        {
            var lf = text.ToString().IndexOf('\n', Math.Min(start, length - 1));
            if (lf >= 0) start = random.Next(2) == 0 ? lf : lf + 1;
        }
        var deleteLength = random.Next(3) switch
        {
            0 => 0,
            1 => Math.Min(length - start, random.Next(1, 4)),
            _ => Math.Min(length - start, random.Next(0, 40)),
        };
        var insert = random.Next(4) switch
        {
            0 => string.Empty,
            1 => ((char)random.Next(32, 127)).ToString(),
            _ => s_snippets[random.Next(s_snippets.Length)],
        };
        if (deleteLength == 0 && insert.Length == 0) insert = s_snippets[random.Next(s_snippets.Length)];
        return new TextChange(new TextSpan(start, deleteLength), insert);
    }

    /// <summary>A saved failing edit: the text before the edit and the edit itself.</summary>
    public sealed record SavedCase(string File, int Seed, string Text, int Start, int Length, string Insert);
}
