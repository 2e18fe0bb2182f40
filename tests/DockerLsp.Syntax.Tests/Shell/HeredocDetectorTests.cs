using DockerLsp.Syntax.Shell;
using Xunit;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>
/// Opener detection and naming, one group per bullet 3–12 of corpus/buildkit-parser/HEREDOC-BEHAVIOUR.md.
/// (Which instructions take heredocs, bodies and terminators belong to the parser and are tested there.)
/// </summary>
public sealed class HeredocDetectorTests
{
    private static HeredocOpener Single(string line) => Assert.Single(HeredocDetector.FindInLine(line));

    // Bullet 3: raw lexing, optional fd digits, <<, optional -, optional blanks, a name without '<'.
    [Theory]
    [InlineData("RUN <<EOF", "EOF", false)]
    [InlineData("RUN <<  EOF", "EOF", false)]
    [InlineData("RUN <<-EOF", "EOF", true)]
    [InlineData("RUN << -EOF", "-EOF", false)]
    [InlineData("RUN <<\tEOF", "EOF", false)]
    public void Bullet3_opener_forms(string line, string name, bool chomp)
    {
        var opener = Single(line);
        Assert.Equal(name, opener.Name);
        Assert.Equal(chomp, opener.Chomp);
        Assert.True(opener.Expand);
        Assert.Equal(0, opener.FileDescriptor);
    }

    /// <summary>
    /// HEREDOC-BEHAVIOUR.md bullet 3 lists <c>&lt;&lt;- EOF</c> as an opener, but BuildKit's lexer glues only the
    /// blanks right after <c>&lt;&lt;</c>: on a line, <c>&lt;&lt;-</c> and <c>EOF</c> are two words, neither an
    /// opener (BuildKit's own TestHeredocsFromLine only checks the heredocs it finds, so it never notices).
    /// Handed over as one word, <c>&lt;&lt;- EOF</c> is an opener.
    /// </summary>
    [Fact]
    public void Bullet3_dash_then_space_is_an_opener_only_as_a_single_word()
    {
        Assert.Empty(HeredocDetector.FindInLine("RUN <<- EOF"));
        var opener = HeredocDetector.TryParseWord("<<- EOF", out _);
        Assert.NotNull(opener);
        Assert.Equal("EOF", opener.Value.Name);
        Assert.True(opener.Value.Chomp);
    }

    [Fact]
    public void Bullet3_opener_span_covers_the_glued_word()
    {
        var opener = Single("RUN <<  EOF  > foo");
        Assert.Equal(4, opener.Start);
        Assert.Equal("<<  EOF".Length, opener.Length);
    }

    // Bullet 4: words that are not openers.
    [Theory]
    [InlineData("<<")]
    [InlineData("<<-")]
    [InlineData("<EOF")]
    [InlineData("<<<EOF")]
    [InlineData("")]
    [InlineData("EOF")]
    [InlineData("<<EOF sh")]
    [InlineData("<<  ")]
    [InlineData("a<<EOF")]
    public void Bullet4_not_openers(string word)
    {
        Assert.Null(HeredocDetector.TryParseWord(word, out string? error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("RUN cat <<")]
    [InlineData("RUN cat <<-")]
    [InlineData("RUN cat <EOF")]
    [InlineData("RUN cat <<<EOF")]
    [InlineData("RUN echo EOF")]
    public void Bullet4_lines_without_openers(string line) => Assert.Empty(HeredocDetector.FindInLine(line));

    // Bullet 5: quoted openers are just text.
    [Theory]
    [InlineData("RUN echo \"<<NOHEREDOC\"")]
    [InlineData("RUN echo '<<EOF'")]
    public void Bullet5_quoted_opener_is_not_an_opener(string line) => Assert.Empty(HeredocDetector.FindInLine(line));

    // Bullet 6: several openers on one line, in order.
    [Fact]
    public void Bullet6_two_openers_in_order_with_spans()
    {
        var openers = HeredocDetector.FindInLine("COPY <<FILE1 <<FILE2 /dest");
        Assert.Equal(
            [new HeredocOpener("FILE1", false, true, 0, 5, 7), new HeredocOpener("FILE2", false, true, 0, 13, 7)],
            openers);
    }

    [Fact]
    public void Bullet6_openers_with_file_descriptors()
    {
        var openers = HeredocDetector.FindInLine("RUN <<EOF 3<<IN1 4<<IN2 awk -f -");
        Assert.Equal(["EOF", "IN1", "IN2"], openers.Select(o => o.Name));
        Assert.Equal([0, 3, 4], openers.Select(o => o.FileDescriptor));
    }

    // Bullet 7: other text around the opener.
    [Theory]
    [InlineData("RUN <<COMPLEX python3", "COMPLEX", true)]
    [InlineData("RUN <<'EOF' | python", "EOF", false)]
    [InlineData("RUN <<  EOF  > foo", "EOF", true)]
    [InlineData("COPY <<EOF foo.txt /bar", "EOF", true)]
    [InlineData("RUN --mount=type=cache,target=/foo <<MOUNT", "MOUNT", true)]
    [InlineData("COPY --chmod=777 <<EOF /path", "EOF", true)]
    public void Bullet7_text_around_the_opener(string line, string name, bool expand)
    {
        var opener = Single(line);
        Assert.Equal(name, opener.Name);
        Assert.Equal(expand, opener.Expand);
    }

    // Bullet 8: the fd prefix.
    [Fact]
    public void Bullet8_file_descriptor()
    {
        Assert.Equal(3, Single("RUN 3<<EMPTY2").FileDescriptor);
        Assert.Equal(0, Single("RUN <<EMPTY").FileDescriptor);
        Assert.Equal(int.MaxValue, HeredocDetector.TryParseWord("99999999999999999999<<X", out _)!.Value.FileDescriptor);
    }

    // Bullets 9 and 10: names lose their quotes; any quoting turns expansion off, an escaped quote does not.
    [Theory]
    [InlineData("RUN <<EOF", "EOF", true)]
    [InlineData("RUN <<'EOF'", "EOF", false)]
    [InlineData("RUN <<\"EOF\"", "EOF", false)]
    [InlineData("RUN <<EO\"F\"", "EOF", false)]
    [InlineData("RUN <<eo'f'", "eof", false)]
    [InlineData("RUN <<'e'o\\'f", "eo'f", false)]
    [InlineData("RUN <<'one two'", "one two", false)]
    [InlineData("RUN <<eo\\'f", "eo'f", true)]
    public void Bullets9_10_name_and_expansion(string line, string name, bool expand)
    {
        var opener = Single(line);
        Assert.Equal(name, opener.Name);
        Assert.Equal(expand, opener.Expand);
    }

    [Theory]
    [InlineData("<<'EOF'", "EOF", false)]
    [InlineData("<<eo\\'f", "eo'f", true)]
    [InlineData("<<-\"EOF\"", "EOF", false)]
    public void Bullets9_10_on_single_words(string word, string name, bool expand)
    {
        var opener = HeredocDetector.TryParseWord(word, out string? error);
        Assert.Null(error);
        Assert.NotNull(opener);
        Assert.Equal(name, opener.Value.Name);
        Assert.Equal(expand, opener.Value.Expand);
        Assert.Equal(0, opener.Value.Start);
        Assert.Equal(word.Length, opener.Value.Length);
    }

    // Bullet 11: spaces (quoted), dots and dollars in names.
    [Theory]
    [InlineData("COPY <<file.txt /dest", "file.txt")]
    [InlineData("RUN <<$EOF", "$EOF")]
    [InlineData("RUN <<${EOF}", "${EOF}")]
    [InlineData("RUN <<'one two'", "one two")]
    public void Bullet11_unusual_names(string line, string name) => Assert.Equal(name, Single(line).Name);

    // Bullet 12: unbalanced quotes.
    [Theory]
    [InlineData("<<'EOF")]
    [InlineData("<<\"EOF")]
    [InlineData("<<EOF'")]
    [InlineData("<<EOF\"")]
    public void Bullet12_unbalanced_quote_in_a_word_is_an_error(string word)
    {
        Assert.Null(HeredocDetector.TryParseWord(word, out string? error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("RUN <<'EOF")]
    [InlineData("RUN cat <<EOF \"unbalanced")]
    [InlineData("RUN cat <<EOF it's")]
    public void Bullet12_unbalanced_quote_on_the_line_means_no_heredoc(string line) =>
        Assert.Empty(HeredocDetector.FindInLine(line));
}
