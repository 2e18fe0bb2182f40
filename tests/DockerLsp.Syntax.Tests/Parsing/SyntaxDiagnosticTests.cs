using DockerLsp.Syntax.Diagnostics;
using Xunit;

namespace DockerLsp.Syntax.Tests.Parsing;

/// <summary>Every syntax diagnostic: its ID, severity and the exact text its span covers (the smallest precise span).</summary>
public class SyntaxDiagnosticTests
{
    [Theory]
    [InlineData("FROM a\nRNU echo\n", SyntaxDiagnosticIds.UnknownInstruction, "RNU", "Did you mean 'RUN'?")]
    [InlineData("FROM a\nCOPPY a b\n", SyntaxDiagnosticIds.UnknownInstruction, "COPPY", "Did you mean 'COPY'?")]
    [InlineData("FROM a\nFROBNICATE x\n", SyntaxDiagnosticIds.UnknownInstruction, "FROBNICATE", "Unknown instruction")]
    [InlineData("FROM\n", SyntaxDiagnosticIds.MissingArgument, "FROM", "base image")]
    [InlineData("FROM a AS\n", SyntaxDiagnosticIds.MissingArgument, "AS", "stage name")]
    [InlineData("FROM a b\n", SyntaxDiagnosticIds.UnexpectedArgument, "b", "AS")]
    [InlineData("FROM a AS b c\n", SyntaxDiagnosticIds.UnexpectedArgument, "c", "Unexpected")]
    [InlineData("FROM a\nCOPY onlyone\n", SyntaxDiagnosticIds.MissingArgument, "COPY", "destination")]
    [InlineData("FROM a\nUSER\n", SyntaxDiagnosticIds.MissingArgument, "USER", "value")]
    [InlineData("FROM a\nRUN\n", SyntaxDiagnosticIds.MissingArgument, "RUN", "command")]
    [InlineData("FROM a\nEXPOSE\n", SyntaxDiagnosticIds.MissingArgument, "EXPOSE", "port")]
    [InlineData("FROM a\nARG\n", SyntaxDiagnosticIds.MissingArgument, "ARG", "name")]
    [InlineData("FROM a\nRUN <<EOF\nx\n", SyntaxDiagnosticIds.UnterminatedHeredoc, "<<EOF", "EOF")]
    [InlineData("# escape=x\nFROM a\n", SyntaxDiagnosticIds.InvalidEscapeDirective, "x", "escape")]
    [InlineData("# escape=`\n# escape=`\nFROM a\n", SyntaxDiagnosticIds.DuplicateDirective, "# escape=`", "Only one")]
    [InlineData("FROM a\nCOPY --=x a b\n", SyntaxDiagnosticIds.MalformedFlag, "--=x", "name")]
    [InlineData("FROM a\nENV A=${B\n", SyntaxDiagnosticIds.InvalidVariableExpansion, "${B", "missing")]
    [InlineData("FROM a\nWORKDIR /x/${}\n", SyntaxDiagnosticIds.InvalidVariableExpansion, "/x/${}", "bad substitution")]
    [InlineData("FROM a\nENV A=\"b\n", SyntaxDiagnosticIds.UnterminatedQuote, "\"b", "quote")]
    [InlineData("FROM a\nCOPY \"a b\" /c/\n", SyntaxDiagnosticIds.UnterminatedQuote, "\"a", "quote")]
    [InlineData("# just a comment\n", SyntaxDiagnosticIds.NoInstructions, "", "no instructions")]
    [InlineData("FROM a\nRUN a \\\n\n  b\n", SyntaxDiagnosticIds.EmptyContinuationLine, "", "Empty continuation")]
    [InlineData("FROM a\nCMD [\"a\", 1]\n", SyntaxDiagnosticIds.JsonArrayNotStrings, "[\"a\", 1]", "only strings")]
    [InlineData("FROM a\nENV name\n", SyntaxDiagnosticIds.InvalidKeyValue, "name", "two arguments")]
    [InlineData("FROM a\nLABEL a=b c\n", SyntaxDiagnosticIds.InvalidKeyValue, "c", "Can't find =")]
    [InlineData("FROM a\nONBUILD FROM b\n", SyntaxDiagnosticIds.InvalidOnBuildTrigger, "FROM", "ONBUILD")]
    [InlineData("FROM a\nHEALTHCHECK NONE x\n", SyntaxDiagnosticIds.InvalidHealthcheck, "x", "NONE")]
    [InlineData("FROM a\nHEALTHCHECK BOGUS x\n", SyntaxDiagnosticIds.InvalidHealthcheck, "BOGUS", "CMD or NONE")]
    [InlineData("FROM a\nSHELL /bin/sh -c\n", SyntaxDiagnosticIds.ShellNotJson, "/bin/sh -c", "JSON")]
    public void ReportsWithPreciseSpan(string text, string id, string spanText, string messagePart)
    {
        var tree = SyntaxTree.Parse(text);
        var diagnostic = tree.GetDiagnostics().First(d => d.Id == id);
        Assert.Equal(spanText, text.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Contains(messagePart, diagnostic.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void LongLineIsReported()
    {
        var text = "FROM a\nRUN echo " + new string('x', 70_000) + "\n";
        var tree = SyntaxTree.Parse(text);
        var diagnostic = Assert.Single(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.LineTooLong);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(7, diagnostic.Span.Start);
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void InvalidUtf8IsAWarningNotACrash()
    {
        byte[] bytes = [.. "FROM a\nRUN echo "u8, 0xff, 0xfe, .. "\n"u8];
        var tree = SyntaxTree.Parse(Text.SourceText.FromUtf8(bytes));
        Assert.Equal(2, tree.GetDiagnostics().Count(d => d.Id == SyntaxDiagnosticIds.InvalidUtf8 && d.Severity == DiagnosticSeverity.Warning));
        Assert.Equal(2, tree.Root.Instructions.Count);
    }

    [Theory]
    [InlineData("FROM a\nRUN echo hi\n")]
    [InlineData("from a AS b\nrun echo\ncopy --from=b /a /b\n")]
    [InlineData("FROM a\nCOPY [\"a b\", \"/c/\"]\n")]
    [InlineData("FROM a\nENV A=\"b c\" D='e' F=g\\ h\n")]
    [InlineData("FROM a\nRUN echo \"${HOME:-x}\"\n")]
    [InlineData("FROM a\nRUN echo 'unterminated\n")]
    public void ValidFilesHaveNoDiagnostics(string text) => Assert.Empty(SyntaxTree.Parse(text).GetDiagnostics());
}
