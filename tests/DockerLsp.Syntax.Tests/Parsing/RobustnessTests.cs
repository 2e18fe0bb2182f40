using CsCheck;
using DockerLsp.Syntax.Printing;
using DockerLsp.Syntax.Text;
using Xunit;

namespace DockerLsp.Syntax.Tests.Parsing;

/// <summary>Parsing never throws and never loses text, whatever the input: line endings, BOM, NUL, control characters, very long lines.</summary>
public class RobustnessTests
{
    private static readonly Gen<string> s_dockerfileish = Gen.OneOf(
        Gen.String,
        Gen.Char["FROMRUNCOPYENV ab\\`\"'$#{}[],=<-\t\r\n\0\u00a0\uFEFF"].Array[0, 200].Select(chars => new string(chars)));

    [Fact]
    public void AnyInputRoundTripsAndDumps()
    {
        s_dockerfileish.Sample(text =>
        {
            var tree = SyntaxTree.Parse(text);
            Assert.Equal(text, tree.Root.ToFullString());
            _ = tree.GetDiagnostics();
            _ = BuildKitDumper.Dump(tree);
            _ = TreePrinter.Print(tree.Root);
            foreach (var instruction in tree.Root.Instructions) _ = instruction.GetLogicalText();
        }, iter: 5000);
    }

    [Fact]
    public void AnyBytesDecodeAndParse()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var tree = SyntaxTree.Parse(SourceText.FromUtf8(bytes));
            Assert.Equal(tree.Text.ToString(), tree.Root.ToFullString());
        }, iter: 2000);
    }

    [Theory]
    [InlineData("FROM a\rRUN b\r")]
    [InlineData("FROM a\r\nRUN b \\\r\n  c\r\n")]
    [InlineData("\uFEFFFROM a\n")]
    [InlineData("\uFEFF")]
    [InlineData("FROM a\0b\nRUN \u0001\u0007\n")]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("\\")]
    [InlineData("\\\nRUN x")]
    [InlineData("RUN x \\")]
    public void EdgeInputsRoundTrip(string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void CrLfParsesLikeLf()
    {
        var lf = SyntaxTree.Parse("FROM a\nRUN b \\\n  c\nENV A=1\n");
        var crlf = SyntaxTree.Parse("FROM a\r\nRUN b \\\r\n  c\r\nENV A=1\r\n");
        Assert.Equal(BuildKitDumper.Dump(lf), BuildKitDumper.Dump(crlf));
    }

    [Fact]
    public void LoneCrIsNotALineBreak()
    {
        var tree = SyntaxTree.Parse("FROM a\rRUN b\n");
        Assert.Single(tree.Root.Instructions);
        Assert.Equal("(from \"a\" \"RUN\" \"b\")\n", BuildKitDumper.Dump(tree));
    }

    [Fact]
    public void VeryLongFileParses()
    {
        var text = string.Concat(Enumerable.Repeat("RUN echo hello world && true \\\n    && false\n", 20_000));
        var tree = SyntaxTree.Parse("FROM a\n" + text);
        Assert.Equal(20_001, tree.Root.Instructions.Count);
    }
}
