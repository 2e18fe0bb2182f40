using CsCheck;
using DockerLsp.Syntax.Shell;
using Xunit;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>
/// Random inputs rich in shell syntax: nothing may throw, and on text the expander accepts, the forgiving scanner
/// must find exactly the references the expander saw (they implement the same lexical rules twice).
/// </summary>
public sealed class ShellPropertyTests
{
    private const string Alphabet = "$${}{}''\"\"\\\\`:-+?#%/<<< \t\nab_1@*!😀안\uFEFF";

    private static readonly Gen<string> s_shellText =
        Gen.Char[Alphabet].Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> s_anyText = Gen.String[0, 40];

    private static readonly ShellEnvironment s_env = ShellEnvironment.FromAssignments(["a=x y", "b=", "ab=a*b"]);

    [Fact]
    public void Nothing_throws_on_shell_like_text() => s_shellText.Sample(Exercise, iter: 20_000);

    [Fact]
    public void Nothing_throws_on_arbitrary_text() => s_anyText.Sample(Exercise, iter: 5_000);

    [Fact]
    public void Scanner_agrees_with_the_expander_where_the_expander_succeeds() =>
        s_shellText.Sample(text =>
        {
            var options = new ShellWordOptions { SkipUnsetEnv = true };
            var expanded = ShellWordExpander.ExpandWord(text, ShellEnvironment.Empty, options);
            if (expanded.Succeeded)
            {
                Assert.Equal(expanded.References, VariableReferenceScanner.Find(text));
            }
        }, iter: 20_000);

    private static void Exercise(string text)
    {
        foreach (var options in new[]
                 {
                     ShellWordOptions.Default,
                     new ShellWordOptions { RawQuotes = true, RawEscapes = true, SkipUnsetEnv = true },
                     new ShellWordOptions { EscapeToken = '`', SkipProcessQuotes = true },
                 })
        {
            var word = ShellWordExpander.ExpandWord(text, s_env, options);
            var words = ShellWordExpander.ExpandWords(text, s_env, options);
            Assert.Equal(word.Succeeded, words.Succeeded);
            if (words.Succeeded)
            {
                Assert.All(words.Words, w => Assert.True(w.Text.Length > 0 && w.Start >= 0 && w.Start < w.End && w.End <= text.Length));
            }
        }

        Assert.All(VariableReferenceScanner.Find(text), r => Assert.True(r.Start >= 0 && r.End <= text.Length && r.NameLength > 0));
        VariableReferenceScanner.Find(text, '`');
        Assert.All(HeredocDetector.FindInLine(text), h => Assert.True(h.Start >= 0 && h.End <= text.Length));
        HeredocDetector.TryParseWord(text, out _);
    }
}
