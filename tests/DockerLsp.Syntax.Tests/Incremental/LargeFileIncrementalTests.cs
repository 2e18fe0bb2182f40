using DockerLsp.Syntax.Text;
using Xunit;
using Xunit.Abstractions;
using static DockerLsp.Syntax.Tests.Incremental.IncrementalTestHelper;

namespace DockerLsp.Syntax.Tests.Incremental;

/// <summary>
/// Files with many instructions, where the root stores instructions in chunks: random edits still match a full parse,
/// and an edit leaves every instruction outside the edited one (and its neighbour) shared with the old tree.
/// </summary>
public class LargeFileIncrementalTests(ITestOutputHelper output)
{
    private static string Generate(int instructions)
    {
        var builder = new System.Text.StringBuilder("# syntax=docker/dockerfile:1\nFROM debian:12 AS base\n");
        for (var i = 1; i < instructions; i++)
        {
            builder.Append((i % 5) switch
            {
                0 => $"RUN apt-get install -y pkg{i} \\\n    && rm -rf /var/lib/apt/lists/*\n",
                1 => $"# step {i}\nENV VAR{i}=value{i}\n",
                2 => $"COPY src/{i} /app/{i}/\n",
                3 => $"RUN <<EOF\necho {i}\nEOF\n",
                _ => $"LABEL k{i}=\"v {i}\"\n",
            });
        }
        return builder.ToString();
    }

    [Fact]
    public void EditInAThousandInstructionFileSharesEverythingElse()
    {
        var tree = SyntaxTree.Parse(Generate(1000));
        var target = tree.Root.Instructions[517];
        var edited = EditAndVerify(tree, TextChange.Insert(target.Span.Start + 2, "x"));
        Assert.True(edited.WasIncremental);
        var before = RootGreenChildren(tree);
        var after = RootGreenChildren(edited);
        Assert.Equal(before.Count, after.Count);
        var changed = Enumerable.Range(0, before.Count).Where(i => !ReferenceEquals(before[i], after[i])).ToArray();
        Assert.InRange(changed.Length, 1, 2);
        Assert.All(changed, i => Assert.InRange(i, 516, 519));
    }

    [Fact]
    public void RandomEditsAcrossChunkBoundariesMatchFullParse()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed={seed}");
        var random = new Random(seed);
        var tree = SyntaxTree.Parse(Generate(400));
        string[] snippets = ["\n", "\\\n", "RUN x\n", "<<EOF\n", "EOF\n", "# c\n", "x", " "];
        for (var step = 0; step < 300; step++)
        {
            var length = tree.Text.Length;
            var start = random.Next(length + 1);
            var delete = random.Next(3) == 0 ? Math.Min(length - start, random.Next(0, 400)) : Math.Min(length - start, random.Next(0, 3));
            var insert = random.Next(4) == 0 ? string.Empty : snippets[random.Next(snippets.Length)];
            tree = EditAndVerify(tree, new TextChange(new TextSpan(start, delete), insert));
        }
    }
}
