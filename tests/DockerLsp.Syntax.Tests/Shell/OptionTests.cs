using DockerLsp.Syntax.Shell;
using Xunit;
using static DockerLsp.Syntax.Tests.Shell.ExpandHelper;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>The lexer switches (SkipUnsetEnv, RawQuotes, RawEscapes, SkipProcessQuotes), the backtick escape and word splitting.</summary>
public sealed class OptionTests
{
    private static readonly ShellWordOptions s_skipUnset = new() { SkipUnsetEnv = true };

    [Theory]
    [InlineData("$unset", "$unset")]
    [InlineData("a${unset}b", "a${unset}b")]
    [InlineData("${unset:-x}", "${unset:-x}")]
    [InlineData("${unset-x}", "${unset-x}")]
    [InlineData("${unset:+x}", "${unset:+x}")]
    [InlineData("${unset?x}", "${unset?x}")]
    [InlineData("${unset#a*}", "${unset#a*}")]
    [InlineData("${unset%%a*}", "${unset%%a*}")]
    [InlineData("${unset/a/b}", "${unset/a/b}")]
    [InlineData("${unset//a/b}", "${unset//a/b}")]
    [InlineData("${unset:-$set}", "${unset:-abc}")]
    [InlineData("${set:-x}", "abc")]
    [InlineData("$set$unset", "abc$unset")]
    [InlineData("$1", "$1")]
    [InlineData("${unset:=x}", "${unset:=x}")]
    public void SkipUnsetEnv_reproduces_unset_references(string input, string expected)
    {
        var result = Word(input, s_skipUnset);
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected, result.Result);
    }

    [Fact]
    public void SkipUnsetEnv_still_rejects_unsupported_modifiers_of_set_variables()
    {
        Assert.False(Word("${set:=x}", s_skipUnset).Succeeded);
    }

    [Theory]
    [InlineData("a\"b c\"d'e'", "a\"b c\"d'e'")]
    [InlineData("'$set'", "'$set'")]
    [InlineData("\"$set\"", "\"abc\"")]
    [InlineData("\"\"", "\"\"")]
    public void RawQuotes_keeps_the_quote_characters(string input, string expected)
    {
        var options = new ShellWordOptions { RawQuotes = true };
        Assert.Equal(expected, Word(input, options).Result);
        Assert.Equal([expected], Words(input, options).Words.Select(w => w.Text));
    }

    [Theory]
    [InlineData("a\\ b", "a\\ b")]
    [InlineData("he\\$set", "he\\$set")]
    [InlineData("\"a\\\"b\"", "a\\\"b")]
    [InlineData("\"x\\ty\"", "x\\\\ty")]
    [InlineData("end\\", "end\\")]
    [InlineData("${unset:-a\\ b}", "a b")]
    public void RawEscapes_keeps_the_escape_characters(string input, string expected)
    {
        var options = new ShellWordOptions { RawEscapes = true };
        var result = Word(input, options);
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected, result.Result);
    }

    [Fact]
    public void RawEscapes_does_not_let_an_escaped_space_split_the_word()
    {
        var result = Words("a\\ b c", new ShellWordOptions { RawEscapes = true });
        Assert.Equal(["a\\ b", "c"], result.Words.Select(w => w.Text));
    }

    [Fact]
    public void SkipProcessQuotes_makes_quotes_ordinary()
    {
        var options = new ShellWordOptions { SkipProcessQuotes = true };
        Assert.Equal("'/home'", Word("'$PWD'", options).Result);
        Assert.Equal(["\"a", "b\""], Words("\"a b\"", options).Words.Select(w => w.Text));
        Assert.True(Word("it's", options).Succeeded);
    }

    [Theory]
    [InlineData("C:\\path\\$set", "C:\\path\\abc")]
    [InlineData("a`$set", "a$set")]
    [InlineData("\"a`\"b\"", "a\"b")]
    [InlineData("\"a`tb\"", "a`tb")]
    [InlineData("a``b", "a`b")]
    [InlineData("end`", "end")]
    public void Backtick_escape_token(string input, string expected)
    {
        var options = new ShellWordOptions { EscapeToken = '`' };
        var result = Word(input, options);
        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(expected, result.Result);
    }

    [Fact]
    public void Backtick_escaped_space_does_not_split()
    {
        var result = Words("a` b c", new ShellWordOptions { EscapeToken = '`' });
        Assert.Equal(["a b", "c"], result.Words.Select(w => w.Text));
    }

    [Fact]
    public void Environment_is_case_sensitive_unless_asked_otherwise()
    {
        var unix = ShellEnvironment.FromAssignments(["PWD=/home"]);
        var windows = ShellEnvironment.FromAssignments(["PWD=/home"], caseInsensitive: true);
        Assert.Equal("", ShellWordExpander.ExpandWord("$pwd", unix).Result);
        Assert.Equal("/home", ShellWordExpander.ExpandWord("$pwd", windows).Result);
        Assert.True(windows.IsCaseInsensitive);
    }

    [Fact]
    public void Environment_keeps_the_last_value_and_allows_missing_equals()
    {
        var env = ShellEnvironment.FromAssignments(["A=1", "A=2", "B", "C=x=y"]);
        Assert.True(env.TryGetValue("A", out string a));
        Assert.Equal("2", a);
        Assert.True(env.TryGetValue("B", out string b));
        Assert.Equal("", b);
        Assert.True(env.TryGetValue("C", out string c));
        Assert.Equal("x=y", c);
        Assert.False(ShellEnvironment.Empty.TryGetValue("A", out _));
    }

    [Fact]
    public void Matched_and_unmatched_names_are_reported()
    {
        var result = Word("$set ${unset:-$PWD} $1");
        Assert.Equal(["PWD", "set"], result.Matched.Order());
        Assert.Equal(["1", "unset"], result.Unmatched.Order());
    }

    [Fact]
    public void Words_carry_their_source_ranges()
    {
        // "hello${spaced}bye": the expansion "a b" splits, and both words it feeds share its range.
        var result = Words("x \"q r\"s hello${spaced}bye");
        Assert.Equal(
            [new ShellWord("x", 0, 1), new ShellWord("q rs", 2, 8), new ShellWord("helloa", 9, 23), new ShellWord("bbye", 14, 26)],
            result.Words);
    }

    [Fact]
    public void Empty_quotes_alone_make_no_word_but_a_less_than_pair_keeps_its_blanks()
    {
        Assert.Empty(Words("\"\" ''").Words);
        Assert.Equal(["a"], Words("\"\" a").Words.Select(w => w.Text));
        Assert.Equal(["cat", "<<  EOF", "x<y"], Words("cat <<  EOF x<y").Words.Select(w => w.Text));
    }

    [Fact]
    public void Null_and_empty_inputs_are_tolerated()
    {
        Assert.True(ShellWordExpander.ExpandWord(null!, null!).Succeeded);
        Assert.Equal("", ShellWordExpander.ExpandWord("", ShellEnvironment.Empty).Result);
        Assert.Empty(ShellWordExpander.ExpandWords("   ", ShellEnvironment.Empty).Words);
    }
}
