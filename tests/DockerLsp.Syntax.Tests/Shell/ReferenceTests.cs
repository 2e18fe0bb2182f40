using DockerLsp.Syntax.Shell;
using Xunit;
using static DockerLsp.Syntax.Tests.Shell.ExpandHelper;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>Reference spans reported by the expander and by the forgiving <see cref="VariableReferenceScanner"/>.</summary>
public sealed class ReferenceTests
{
    [Fact]
    public void Expander_reports_plain_reference_spans()
    {
        var refs = Word("a $set b").References;
        Assert.Equal([new VariableReference("set", 2, 4, 3, 3, VariableModifier.None, false)], refs);
    }

    [Fact]
    public void Expander_reports_nested_references_in_source_order()
    {
        var refs = Word("${unset:-${set}z}").References;
        Assert.Equal(
            [
                new VariableReference("unset", 0, 17, 2, 5, VariableModifier.DefaultIfUnsetOrEmpty, true),
                new VariableReference("set", 9, 6, 11, 3, VariableModifier.None, true),
            ],
            refs);
    }

    [Theory]
    [InlineData("${x-a}", VariableModifier.DefaultIfUnset)]
    [InlineData("${x:-a}", VariableModifier.DefaultIfUnsetOrEmpty)]
    [InlineData("${x+a}", VariableModifier.AlternativeIfSet)]
    [InlineData("${x:+a}", VariableModifier.AlternativeIfSetAndNotEmpty)]
    [InlineData("${x?a}", VariableModifier.ErrorIfUnset)]
    [InlineData("${x:?a}", VariableModifier.ErrorIfUnsetOrEmpty)]
    [InlineData("${x#a}", VariableModifier.RemoveShortestPrefix)]
    [InlineData("${x##a}", VariableModifier.RemoveLongestPrefix)]
    [InlineData("${x%a}", VariableModifier.RemoveShortestSuffix)]
    [InlineData("${x%%a}", VariableModifier.RemoveLongestSuffix)]
    [InlineData("${x/a/b}", VariableModifier.ReplaceFirst)]
    [InlineData("${x//a/b}", VariableModifier.ReplaceAll)]
    [InlineData("${x}", VariableModifier.None)]
    public void Modifiers_are_classified_by_expander_and_scanner(string input, VariableModifier modifier)
    {
        var expected = new VariableReference("x", 0, input.Length, 2, 1, modifier, true);
        var skip = new ShellWordOptions { SkipUnsetEnv = true };
        Assert.Equal([expected], ShellWordExpander.ExpandWord(input, ShellEnvironment.Empty, skip).References);
        Assert.Equal([expected], VariableReferenceScanner.Find(input));
    }

    [Fact]
    public void Offsets_are_utf16_indexes()
    {
        var refs = Word("안녕$KOREAN 😀${set}").References;
        Assert.Equal(2, refs[0].Start);
        Assert.Equal(3, refs[0].NameStart);
        Assert.Equal(12, refs[1].Start);
    }

    [Theory]
    [InlineData("'$x'")]
    [InlineData("\\$x")]
    [InlineData("\"\\$x\"")]
    [InlineData("$")]
    [InlineData("$.")]
    [InlineData("${}")]
    [InlineData("${:-x}")]
    [InlineData("${{x}")]
    [InlineData("'$x")]
    public void No_reference_where_there_is_none(string input)
    {
        Assert.Empty(VariableReferenceScanner.Find(input));
        Assert.Empty(Word(input).References);
    }

    [Fact]
    public void Failed_expansion_still_reports_what_it_saw()
    {
        var result = Word("$set ${unset:?}");
        Assert.False(result.Succeeded);
        Assert.Equal(["set", "unset"], result.References.Select(r => r.Name));
    }

    [Fact]
    public void Scanner_finds_references_inside_double_quotes_and_special_parameters()
    {
        var refs = VariableReferenceScanner.Find("\"$x\" $1 $@ $$");
        Assert.Equal(["x", "1", "@", "$"], refs.Select(r => r.Name));
        Assert.Equal(1, refs[0].Start);
    }

    [Fact]
    public void Scanner_tolerates_an_unclosed_brace()
    {
        var refs = VariableReferenceScanner.Find("${x:-${y");
        Assert.Equal(
            [
                new VariableReference("x", 0, 8, 2, 1, VariableModifier.DefaultIfUnsetOrEmpty, true),
                new VariableReference("y", 5, 3, 7, 1, VariableModifier.None, true),
            ],
            refs);
        Assert.Equal([new VariableReference("x", 0, 3, 2, 1, VariableModifier.None, true)], VariableReferenceScanner.Find("${x"));
    }

    [Fact]
    public void Scanner_reports_unsupported_forms_and_goes_on()
    {
        var refs = VariableReferenceScanner.Find("${x:=y} $z ${} $w");
        Assert.Equal(["x", "z", "w"], refs.Select(r => r.Name));
        Assert.Equal(VariableModifier.Unsupported, refs[0].Modifier);
        Assert.Equal(7, refs[0].Length);
    }

    [Fact]
    public void Scanner_respects_the_escape_token()
    {
        Assert.Equal(["y"], VariableReferenceScanner.Find("\\$x $y").Select(r => r.Name));
        Assert.Equal(["y"], VariableReferenceScanner.Find("`$x $y", '`').Select(r => r.Name));
        Assert.Equal(["x", "y"], VariableReferenceScanner.Find("C:\\$x $y", '`').Select(r => r.Name));
    }

    [Fact]
    public void Scanner_skips_quoted_braces_inside_words()
    {
        var refs = VariableReferenceScanner.Find("${x:-'}'$y} $z");
        Assert.Equal(["x", "y", "z"], refs.Select(r => r.Name));
        Assert.Equal(11, refs[0].Length);
    }

    [Fact]
    public void Scanner_survives_hostile_nesting()
    {
        string deep = string.Concat(Enumerable.Repeat("${a:-", 20000));
        Assert.NotEmpty(VariableReferenceScanner.Find(deep));
    }
}
