using Xunit;
using static DockerLsp.Syntax.Tests.Shell.ExpandHelper;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>Every <c>${name…}</c> modifier, with and without the colon, against set, empty and unset names.</summary>
public sealed class ModifierTests
{
    [Theory]
    [InlineData("${set-def}", "abc")]
    [InlineData("${empty-def}", "")]
    [InlineData("${unset-def}", "def")]
    [InlineData("${set:-def}", "abc")]
    [InlineData("${empty:-def}", "def")]
    [InlineData("${unset:-def}", "def")]
    [InlineData("${set+alt}", "alt")]
    [InlineData("${empty+alt}", "alt")]
    [InlineData("${unset+alt}", "")]
    [InlineData("${set:+alt}", "alt")]
    [InlineData("${empty:+alt}", "")]
    [InlineData("${unset:+alt}", "")]
    [InlineData("${set?msg}", "abc")]
    [InlineData("${empty?msg}", "")]
    [InlineData("${set:?msg}", "abc")]
    [InlineData("${unset:-${set}x}", "abcx")]
    [InlineData("${unset:-\"a }\"}", "a }")]
    [InlineData("${unset:-'$set'}", "$set")]
    [InlineData("${unset:-a\\}b}", "a}b")]
    public void Default_alternative_and_error_forms(string input, string expected)
    {
        var result = Word(input);
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected, result.Result);
    }

    [Theory]
    [InlineData("${unset?custom message}", "unset: custom message")]
    [InlineData("${unset?}", "unset: is not allowed to be unset")]
    [InlineData("${unset:?}", "unset: is not allowed to be unset")]
    [InlineData("${empty:?}", "empty: is not allowed to be empty")]
    [InlineData("${empty:?need a value}", "empty: need a value")]
    public void Error_forms_fail_with_the_message(string input, string message)
    {
        var result = Word("x" + input);
        Assert.False(result.Succeeded);
        Assert.Equal(message, result.ErrorMessage);
        Assert.Equal(1, result.ErrorOffset);
    }

    [Theory]
    [InlineData("${file#*/}", "sub/file.tar.gz")]
    [InlineData("${file##*/}", "file.tar.gz")]
    [InlineData("${file#dir}", "/sub/file.tar.gz")]
    [InlineData("${file#nomatch}", "dir/sub/file.tar.gz")]
    [InlineData("${file#sub}", "dir/sub/file.tar.gz")]
    [InlineData("${file#d?r/}", "sub/file.tar.gz")]
    [InlineData("${file%.*}", "dir/sub/file.tar")]
    [InlineData("${file%%.*}", "dir/sub/file")]
    [InlineData("${file%/*}", "dir/sub")]
    [InlineData("${file%%/*}", "dir")]
    [InlineData("${file%g?}", "dir/sub/file.tar.")]
    [InlineData("${file%nomatch}", "dir/sub/file.tar.gz")]
    [InlineData("${star#\\*}", "x")]
    [InlineData("${star#*}", "*x")]
    [InlineData("${star##*}", "")]
    [InlineData("${unset#*}", "")]
    [InlineData("${file:#*/}", "sub/file.tar.gz")]
    [InlineData("${file#*.t[a}", "dir/sub/file.tar.gz")]
    public void Prefix_and_suffix_removal(string input, string expected)
    {
        var result = Word(input);
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected, result.Result);
    }

    [Theory]
    [InlineData("${fruit/an/AN}", "bANana")]
    [InlineData("${fruit//an/AN}", "bANANa")]
    [InlineData("${fruit/a/}", "bnana")]
    [InlineData("${fruit//a/}", "bnn")]
    [InlineData("${fruit/n*/X}", "baX")]
    [InlineData("${fruit/?/X}", "Xanana")]
    [InlineData("${fruit/zz/X}", "banana")]
    [InlineData("${slashes/\\//-}", "a-b/c")]
    [InlineData("${slashes//\\//-}", "a-b-c")]
    [InlineData("${unset/a/b}", "")]
    public void Replacement(string input, string expected)
    {
        var result = Word(input);
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected, result.Result);
    }

    [Fact]
    public void Replace_all_skips_an_empty_match_right_after_a_match_as_Go_does()
    {
        // .NET's Regex.Replace would also replace the empty match at the end and give "XX".
        Assert.Equal("X", Word("${fruit//*/X}").Result);
        Assert.Equal("X", Word("${fruit/*/X}").Result);
    }

    [Fact]
    public void Replace_all_treats_the_replacement_as_a_Go_template()
    {
        // The replacement word keeps its escapes raw, so "\$0" reaches Go's template expansion as "\" + "$0".
        Assert.Equal("b\\an\\an\\a", Word("${fruit//a/\\$0}").Result);
        Assert.Equal("b\\$0nana", Word("${fruit/a/\\$0}").Result);
    }

    [Theory]
    [InlineData("${set:=x}", "unsupported modifier (:=) in substitution")]
    [InlineData("${set:/a/b}", "unsupported modifier (:/) in substitution")]
    [InlineData("${set.x}", "unsupported modifier (.) in substitution")]
    [InlineData("${fruit/abc}", "syntax error: missing '/' in ${}")]
    [InlineData("${fruit/a/b", "syntax error: missing '}'")]
    [InlineData("${set:-abc", "syntax error: missing '}'")]
    [InlineData("${set:", "syntax error: missing '}'")]
    [InlineData("${", "syntax error: missing '}'")]
    [InlineData("${}", "syntax error: bad substitution")]
    [InlineData("${:-a}", "syntax error: bad substitution")]
    [InlineData("${{a}", "syntax error: bad substitution")]
    [InlineData("${set:-${unset?gone}}", "unset: gone")]
    [InlineData("${set:-'abc}", "syntax error: missing '}'")]
    public void Malformed_substitutions_fail(string input, string message)
    {
        var result = Word(input);
        Assert.False(result.Succeeded);
        Assert.Equal(message, result.ErrorMessage);
        Assert.Equal("", result.Result);
    }

    [Theory]
    [InlineData("${file#\\x}")]
    [InlineData("${file%a\\b}")]
    [InlineData("${fruit/\\n/x}")]
    public void Invalid_pattern_escapes_fail(string input)
    {
        var result = Word(input);
        Assert.False(result.Succeeded);
        Assert.StartsWith("invalid pattern (", result.ErrorMessage);
    }

    [Fact]
    public void Error_offset_points_at_the_problem()
    {
        Assert.Equal(5, Word("abc${}").ErrorOffset);
        Assert.Equal(6, Word("abc'de").ErrorOffset);
        Assert.Equal(-1, Word("abc").ErrorOffset);
    }

    [Fact]
    public void Pathological_nesting_fails_instead_of_overflowing_the_stack()
    {
        string deep = string.Concat(Enumerable.Repeat("${a:-", 5000)) + "x" + new string('}', 5000);
        var result = Word(deep);
        Assert.False(result.Succeeded);
        Assert.Contains("nested too deeply", result.ErrorMessage);

        string fine = string.Concat(Enumerable.Repeat("${a:-", 50)) + "x" + new string('}', 50);
        Assert.Equal("x", Word(fine).Result);
    }
}
