using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Printing;
using Xunit;

namespace DockerLsp.Syntax.Tests.Parsing;

/// <summary>Each bullet of shared/corpus/buildkit-parser/HEREDOC-BEHAVIOUR.md that concerns the parser, as a test (bullet numbers in names).</summary>
public class HeredocBehaviourTests
{
    private static SyntaxTree Parse(string text) => SyntaxTree.Parse(text);
    private static HeredocSyntax[] Heredocs(SyntaxTree tree, int instruction = 0) => tree.Root.Instructions[instruction].Heredocs.ToArray();

    [Fact]
    public void B01_OnlyRunCopyAddAndOnBuildTakeHeredocs()
    {
        var tree = Parse("FROM a\nUSER <<INVALID\nINVALID\n");
        Assert.Empty(Heredocs(tree, 1));
        Assert.Equal(SyntaxKind.UnknownInstruction, tree.Root.Instructions[2].Kind);
        var onbuild = Parse("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\n");
        Assert.Equal("EOF", Assert.Single(Heredocs(onbuild, 1)).Name);
        Assert.IsType<OnBuildInstructionSyntax>(onbuild.Root.Instructions[1]);
        Assert.Equal(2, onbuild.Root.Instructions.Count);
    }

    [Theory]
    [InlineData("RUN [\"<<EOF\"]")]
    [InlineData("RUN [\"<<'EOF'\"]")]
    public void B02_JsonFormNeverTakesHeredocs(string line)
    {
        var tree = Parse($"FROM a\n{line}\nEOF\n");
        Assert.Empty(Heredocs(tree, 1));
        Assert.Equal(3, tree.Root.Instructions.Count);
    }

    [Theory]
    [InlineData("RUN <<EOF", "EOF")]
    [InlineData("RUN <<  EOF", "EOF")]
    [InlineData("RUN << -EOF", "-EOF")]
    [InlineData("RUN <<file.txt", "file.txt")]
    [InlineData("RUN <<$EOF", "$EOF")]
    [InlineData("RUN <<'one two'", "one two")]
    public void B03_B11_OpenersAndNames(string line, string name)
    {
        var tree = Parse($"FROM a\n{line}\nbody\n{name}\nRUN after\n");
        Assert.Equal(name, Assert.Single(Heredocs(tree, 1)).Name);
        Assert.Equal(3, tree.Root.Instructions.Count);
    }

    [Fact]
    public void B03_DashThenSpaceIsNotAnOpenerOnAFullLine()
    {
        // BuildKit's lexer glues blanks only directly after "<<": "<<- EOF" lexes as "<<-" and "EOF", neither an opener
        // (HEREDOC-BEHAVIOUR.md bullet 3 says otherwise; lex.go is the authority).
        var tree = Parse("FROM a\nRUN <<- EOF\nEOF\n");
        Assert.Empty(Heredocs(tree, 1));
    }

    [Theory]
    [InlineData("RUN <<")]
    [InlineData("RUN <<-")]
    [InlineData("RUN <EOF")]
    [InlineData("RUN <<<EOF")]
    [InlineData("RUN EOF")]
    [InlineData("RUN \"<<NOHEREDOC\"")]
    [InlineData("RUN '<<EOF'")]
    public void B04_B05_NotOpeners(string line)
    {
        var tree = Parse($"FROM a\n{line}\nEOF\n");
        Assert.Empty(Heredocs(tree, 1));
    }

    [Fact]
    public void B06_B18_SeveralHeredocsReadInOrderEachWithItsOwnTerminator()
    {
        var tree = Parse("FROM a\nCOPY <<X <<Y /dest\nY\nX\nX\nY\nRUN z\n");
        var docs = Heredocs(tree, 1);
        Assert.Equal(["X", "Y"], docs.Select(d => d.Name));
        Assert.Equal("Y\n", docs[0].Body.Text);
        Assert.Equal("X\n", docs[1].Body.Text);
        Assert.Equal(3, tree.Root.Instructions.Count);
        var awk = Parse("FROM a\nRUN <<EOF 3<<IN1 4<<IN2 awk -f -\nscript\nEOF\none\nIN1\ntwo\nIN2\n");
        Assert.Equal([0, 3, 4], Heredocs(awk, 1).Select(d => d.FileDescriptor));
    }

    [Theory]
    [InlineData("RUN <<COMPLEX python3", "COMPLEX")]
    [InlineData("RUN <<'EOF' | python", "EOF")]
    [InlineData("RUN <<  EOF  > foo", "EOF")]
    [InlineData("COPY <<EOF foo.txt /bar", "EOF")]
    [InlineData("RUN --mount=type=cache,target=/foo <<MOUNT", "MOUNT")]
    [InlineData("COPY --chmod=777 <<EOF /path", "EOF")]
    public void B07_TextAndFlagsAroundTheOpener(string line, string name)
    {
        var tree = Parse($"FROM a\n{line}\ncontent\n{name}\n");
        Assert.Equal(name, Assert.Single(Heredocs(tree, 1)).Name);
        Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void B08_FileDescriptorRecorded()
    {
        var tree = Parse("FROM a\nRUN 3<<EMPTY2\nEMPTY2\n");
        Assert.Equal(3, Assert.Single(Heredocs(tree, 1)).FileDescriptor);
    }

    [Theory]
    [InlineData("<<EOF", "EOF", true)]
    [InlineData("<<'EOF'", "EOF", false)]
    [InlineData("<<\"EOF\"", "EOF", false)]
    [InlineData("<<EO\"F\"", "EOF", false)]
    [InlineData("<<eo'f'", "eof", false)]
    [InlineData("<<eo\\'f", "eo'f", true)]
    public void B09_B10_QuotingControlsNameAndExpansion(string opener, string name, bool expand)
    {
        var tree = Parse($"FROM a\nRUN {opener}\nbody\n{name}\n");
        var doc = Assert.Single(Heredocs(tree, 1));
        Assert.Equal(name, doc.Name);
        Assert.Equal(expand, doc.Expand);
    }

    [Fact]
    public void B12_UnbalancedQuoteOnTheLineMeansNoHeredoc()
    {
        var tree = Parse("FROM a\nRUN <<EOF echo 'x\nEOF\n");
        Assert.Empty(Heredocs(tree, 1));
    }

    [Fact]
    public void B14_BodyStartsAfterTheLastContinuedLine()
    {
        var tree = Parse("FROM a\nRUN <<EOF \\\n  cat\nline\nEOF\n");
        var doc = Assert.Single(Heredocs(tree, 1));
        Assert.Equal("line\n", doc.Body.Text);
    }

    [Fact]
    public void B15_BodyIsRaw()
    {
        var body = "# internal comment\n\"foo\" 'bar' \\\n  $x\n";
        var tree = Parse($"FROM a\nRUN <<EOF\n{body}EOF\n");
        Assert.Equal(body, Assert.Single(Heredocs(tree, 1)).Body.Text);
    }

    [Fact]
    public void B16_TerminatorMustMatchExactly_DashStripsTabsOnly()
    {
        var plain = Parse("FROM a\nRUN <<EOF\n\tEOF\n EOF\nEOF\n");
        Assert.Equal("\tEOF\n EOF\n", Assert.Single(Heredocs(plain, 1)).Body.Text);
        var chomp = Parse("FROM a\nRUN <<-UNINDENT2\n\tx\n\tUNINDENT2\nRUN y\n");
        var doc = Assert.Single(Heredocs(chomp, 1));
        Assert.Equal("\tUNINDENT2", doc.Terminator.Text);
        Assert.Equal(3, chomp.Root.Instructions.Count);
        var spaces = Parse("FROM a\nRUN <<-EOF\n  EOF\nEOF\n");
        Assert.Equal("  EOF\n", Assert.Single(Heredocs(spaces, 1)).Body.Text);
    }

    [Fact]
    public void B16_CrLfTerminator()
    {
        var tree = Parse("FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\nRUN y\r\n");
        var doc = Assert.Single(Heredocs(tree, 1));
        Assert.Equal("x\r\n", doc.Body.Text);
        Assert.Equal(3, tree.Root.Instructions.Count);
    }

    [Fact]
    public void B17_EmptyBody()
    {
        var tree = Parse("FROM a\nRUN <<EMPTY\nEMPTY\n");
        var doc = Assert.Single(Heredocs(tree, 1));
        Assert.Equal(string.Empty, doc.Body.Text);
        Assert.True(doc.IsTerminated);
    }

    [Fact]
    public void B19_UnterminatedHeredocIsAnErrorAndKeepsTheText()
    {
        var text = "FROM a\nRUN <<EOF\necho\nRUN next\n";
        var tree = Parse(text);
        var doc = Assert.Single(Heredocs(tree, 1));
        Assert.False(doc.IsTerminated);
        Assert.True(doc.Terminator.IsMissing);
        var error = Assert.Single(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.UnterminatedHeredoc);
        Assert.Equal("<<EOF", text.Substring(error.Span.Start, error.Span.Length));
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Equal(2, tree.Root.Instructions.Count);
    }

    [Fact]
    public void B20_ChompKeepsTabsInTheParsedBody_ContentStripsThem()
    {
        var tree = Parse("FROM a\nCOPY <<-EOF /x\n\tTESTING\n\t  spaced\nEOF\n");
        var doc = Assert.Single(Heredocs(tree, 1));
        Assert.True(doc.Chomp);
        Assert.Equal("\tTESTING\n\t  spaced\n", doc.Body.Text);
        Assert.Equal("TESTING\n  spaced\n", doc.GetContent());
    }

    [Fact]
    public void B24_HeredocAsCopyDestinationIsAnError()
    {
        var tree = Parse("FROM a\nCOPY /foo <<EOF\nx\nEOF\n");
        Assert.Contains(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.HeredocAsDestination);
    }

    // Openers are found on the logical line; their diagnostics must land on the physical text, both for a one-line
    // instruction (parsed in place) and for one joined from continued lines (parsed from a copy).
    [Theory]
    [InlineData("FROM a\nCOPY /foo <<EOF\nx\nEOF\n")]
    [InlineData("FROM a\nCOPY \\\n  /foo \\\n  <<EOF\nx\nEOF\n")]
    public void HeredocDiagnosticsPointAtTheOpenerInTheFile(string text)
    {
        var tree = Parse(text);
        var destination = Assert.Single(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.HeredocAsDestination);
        Assert.Equal("<<EOF", text.Substring(destination.Span.Start, destination.Span.Length));
    }

    [Theory]
    [InlineData("FROM a\nRUN cat <<EOF\nx\n")]
    [InlineData("FROM a\nRUN cat \\\n <<EOF\nx\n")]
    public void UnterminatedHeredocIsReportedOnItsOpener(string text)
    {
        var tree = Parse(text);
        var unterminated = Assert.Single(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.UnterminatedHeredoc);
        Assert.Equal("<<EOF", text.Substring(unterminated.Span.Start, unterminated.Span.Length));
    }

    [Fact]
    public void DumpShowsOnlyTheFirstLine_AndEndLineIsTheTerminator()
    {
        var text = "FROM a\nRUN <<EOF\nx\nEOF\nRUN <<'EOF' | python\nprint(1)\nEOF\n";
        var tree = Parse(text);
        Assert.Equal("(from \"a\")\n(run \"<<EOF\")\n(run \"<<'EOF' | python\")\n", BuildKitDumper.Dump(tree));
        var second = tree.Root.Instructions[1];
        Assert.Equal(4, 1 + text.AsSpan(0, second.FullSpan.End - 1).Count('\n'));
    }
}
