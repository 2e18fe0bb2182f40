using DockerLsp.Syntax.Shell;
using Xunit;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>
/// Expansions stop at 1 MiB: a Dockerfile can double a value per line (<c>ARG a2=$a1$a1</c>), and sixty lines of that ran the
/// analysis out of memory or time. Below the limit nothing changes.
/// </summary>
public sealed class ExpansionLimitTests
{
    private static readonly ShellEnvironment s_env = new([new("half", new string('x', ShellExpander.MaxResultLength / 2)), new("small", "abc")]);

    [Theory]
    [InlineData("$half$half$small")]
    [InlineData("\"$half$half$small\"")]
    [InlineData("${small}x${half}y${half}")]
    public void AnExpansionLongerThanTheLimitFails(string word)
    {
        var result = ShellWordExpander.ExpandWord(word, s_env);
        Assert.False(result.Succeeded);
        Assert.Equal(ShellExpander.TooLong, result.ErrorMessage);
    }

    [Fact]
    public void AnExpansionUpToTheLimitSucceeds()
    {
        var result = ShellWordExpander.ExpandWord("$half$half", s_env);
        Assert.True(result.Succeeded);
        Assert.Equal(ShellExpander.MaxResultLength, result.Result.Length);
    }
}
