using DockerLsp.Syntax.Shell;
using Xunit;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>
/// BuildKit's <c>envVarTest</c> table in single-word mode, parsed as corpus/buildkit-shell/FORMAT.md describes.
/// A rows run twice: with a case-sensitive environment (with the U rows) and a case-insensitive one (with W).
/// </summary>
public sealed class BuildKitEnvVarTests
{
    private static readonly string[] s_environment = ["PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="];

    public static TheoryData<int, string> UnixRows() => Rows("U");

    public static TheoryData<int, string> WindowsRows() => Rows("W");

    [Theory]
    [MemberData(nameof(UnixRows))]
    public void Row_matches_with_case_sensitive_names(int line, string row) => Check(line, row, caseInsensitive: false);

    [Theory]
    [MemberData(nameof(WindowsRows))]
    public void Row_matches_with_case_insensitive_names(int line, string row) => Check(line, row, caseInsensitive: true);

    private static TheoryData<int, string> Rows(string platform)
    {
        var data = new TheoryData<int, string>();
        string[] lines = ShellCorpus.ReadLines("envVarTest");
        for (int i = 0; i < lines.Length; i++)
        {
            // Comments are recognised before trimming: only a '#' in column 0 counts.
            if (lines[i].StartsWith('#') || lines[i].Trim().Length == 0)
            {
                continue;
            }

            string tag = lines[i].Trim().Split('|')[0].Trim();
            if (tag == "A" || tag == platform || tag is not ("U" or "W"))
            {
                data.Add(i + 1, lines[i]);
            }
        }

        return data;
    }

    private static void Check(int line, string row, bool caseInsensitive)
    {
        string[] fields = row.Trim().Split('|');
        Assert.True(fields.Length == 3, $"envVarTest:{line}: expected 3 fields, got {fields.Length}");
        Assert.True(fields[0].Trim() is "A" or "U" or "W", $"envVarTest:{line}: unknown platform '{fields[0].Trim()}'");
        string input = fields[1].Trim();
        string expected = fields[2].Trim();

        var env = ShellEnvironment.FromAssignments(s_environment, caseInsensitive);
        var result = ShellWordExpander.ExpandWord(input, env);

        if (expected == "error")
        {
            Assert.False(result.Succeeded, $"envVarTest:{line}: expected an error for {input}, got '{result.Result}'");
        }
        else
        {
            Assert.True(result.Succeeded, $"envVarTest:{line}: {input} failed: {result.ErrorMessage}");
            Assert.Equal(expected, result.Result);
        }
    }
}
