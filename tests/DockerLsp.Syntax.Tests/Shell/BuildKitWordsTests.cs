using DockerLsp.Syntax.Shell;
using Xunit;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>
/// BuildKit's <c>wordsTest</c> table in multi-word mode. ENV lines accumulate into the environment seen by the
/// rows below them, so the environment for each row is rebuilt from the file by line number.
/// </summary>
public sealed class BuildKitWordsTests
{
    private static readonly Lazy<Dictionary<int, string[]>> s_environmentByLine = new(BuildEnvironments);

    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        string[] lines = ShellCorpus.ReadLines("wordsTest");
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsComment(lines[i]) && !IsEnvLine(lines[i]))
            {
                data.Add(i + 1, lines[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_matches(int line, string row)
    {
        string[] parts = row.Split('|');
        Assert.True(parts.Length == 2, $"wordsTest:{line}: expected exactly one '|'");
        string input = parts[0].Trim();

        // Only leading spaces go: trailing spaces of the expectation are significant.
        string[] expected = parts[1].TrimStart(' ').Split(',');

        var env = ShellEnvironment.FromAssignments(s_environmentByLine.Value[line]);
        var result = ShellWordExpander.ExpandWords(input, env);

        if (expected is ["error"])
        {
            Assert.False(result.Succeeded, $"wordsTest:{line}: expected an error for {input}");
            return;
        }

        Assert.True(result.Succeeded, $"wordsTest:{line}: {input} failed: {result.ErrorMessage}");
        Assert.Equal(expected, result.Words.Select(w => w.Text).ToArray());
    }

    private static bool IsComment(string line) => line.StartsWith('#');

    private static bool IsEnvLine(string line) => line.StartsWith("ENV ", StringComparison.Ordinal);

    private static Dictionary<int, string[]> BuildEnvironments()
    {
        var result = new Dictionary<int, string[]>();
        var env = new List<string>();
        string[] lines = ShellCorpus.ReadLines("wordsTest");
        for (int i = 0; i < lines.Length; i++)
        {
            if (IsEnvLine(lines[i]))
            {
                env.Add(lines[i][3..].TrimStart(' '));
            }
            else if (!IsComment(lines[i]))
            {
                result[i + 1] = [.. env];
            }
        }

        return result;
    }
}
