using DockerLsp.Syntax.Printing;
using DockerLsp.Syntax.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Syntax.Tests.Parsing;

/// <summary>Whole-tree shapes (Roslyn style): a failure prints the actual tree, ready to paste.</summary>
public class ParserShapeTests
{
    [Fact]
    public void FromWithPlatformAndStage()
    {
        var tree = SyntaxTree.Parse("FROM --platform=$BUILDPLATFORM golang:1.22@sha256:abc AS build\n");
        TreeAssert.HasShape(tree, """
            SourceFile
              FromInstruction
                KeywordToken "FROM"
                Flag
                  FlagToken "--platform=$BUILDPLATFORM"
                ImageReference
                  WordToken "golang:1.22@sha256:abc"
                AsKeywordToken "AS"
                WordToken "build"
              EndOfFileToken ""
            """);
        var from = (FromInstructionSyntax)tree.Root.Instructions[0];
        var parts = from.Image!.GetParts();
        Assert.Null(parts.Registry);
        Assert.Equal("golang", parts.Repository);
        Assert.Equal("1.22", parts.Tag);
        Assert.Equal("sha256:abc", parts.Digest);
        Assert.Equal("build", from.StageName);
        Assert.Equal("platform", from.Platform!.Name);
        Assert.Equal("$BUILDPLATFORM", from.Platform.Value);
        Assert.Equal("1.22", tree.Text.ToString(parts.TagSpan));
    }

    [Fact]
    public void RunWithMountAndContinuationAcrossAWord()
    {
        var text = "RUN --mount=type=cache,target=/root/.cache \\\n    apt-get inst\\\nall -y curl\n";
        var tree = SyntaxTree.Parse(text);
        TreeAssert.HasShape(tree, """
            SourceFile
              RunInstruction
                KeywordToken "RUN"
                Flag
                  FlagToken "--mount=type=cache,target=/root/.cache"
                ShellForm
                  WordToken "apt-get"
                  WordToken "inst\\\nall" value="install"
                  WordToken "-y"
                  WordToken "curl"
              EndOfFileToken ""
            """);
        var run = (RunInstructionSyntax)tree.Root.Instructions[0];
        var options = run.Mounts.Single().GetOptions();
        Assert.Equal(["type", "target"], options.Select(o => o.Key));
        Assert.Equal("/root/.cache", options[1].Value);
        Assert.Equal("/root/.cache", text.Substring(options[1].ValueSpan.Start, options[1].ValueSpan.Length));
        Assert.Equal("apt-get install -y curl", run.ShellForm!.GetCommandText());
    }

    [Fact]
    public void TriviaKeepsCommentsContinuationsAndLineEnds()
    {
        var tree = SyntaxTree.Parse("# leading\n\nRUN a \\\n  # inside\n\n  b\r\n# trailing\n");
        TreeAssert.HasShape(tree, """
            SourceFile
              RunInstruction
                KeywordToken "RUN"
                  lead CommentTrivia "# leading"
                  lead EndOfLineTrivia "\n"
                  lead EndOfLineTrivia "\n"
                  trail WhitespaceTrivia " "
                ShellForm
                  WordToken "a"
                    trail WhitespaceTrivia " "
                    trail LineContinuationTrivia "\\\n"
                    trail ContinuationCommentLineTrivia "  # inside\n"
                    trail EmptyContinuationLineTrivia "\n"
                    trail WhitespaceTrivia "  "
                  WordToken "b"
                    trail EndOfLineTrivia "\r\n"
              EndOfFileToken ""
                lead CommentTrivia "# trailing"
                lead EndOfLineTrivia "\n"
            """, includeTrivia: true);
    }

    [Fact]
    public void EnvFormsAndArgDeclarations()
    {
        var tree = SyntaxTree.Parse("ENV A=1 B=\"two words\"\nENV LEGACY some value\nARG X Y=2\n");
        var env = (EnvInstructionSyntax)tree.Root.Instructions[0];
        Assert.Equal([("A", "1"), ("B", "\"two words\"")], env.Pairs.Select(p => (p.Key, p.Value)));
        var legacy = (EnvInstructionSyntax)tree.Root.Instructions[1];
        Assert.True(legacy.Pairs[0].IsLegacyForm);
        Assert.Equal("some value", legacy.Pairs[0].Value);
        var arg = (ArgInstructionSyntax)tree.Root.Instructions[2];
        Assert.Equal([("X", (string?)null), ("Y", "2")], arg.Declarations.Select(d => (d.Name, d.DefaultValue)));
    }

    [Fact]
    public void ExecFormDecodesStringsAndInvalidJsonFallsBackToShellForm()
    {
        var tree = SyntaxTree.Parse("CMD [\"echo\", \"a\\u0041\\/\"]\nCMD ['single']\nCMD [\"x\"] trailing\n");
        var cmds = tree.Root.Instructions.Cast<CmdInstructionSyntax>().ToArray();
        Assert.Equal(["echo", "aA/"], cmds[0].ExecForm!.Values);
        Assert.Null(cmds[1].ExecForm);
        Assert.Equal("['single']", cmds[1].ShellForm!.GetCommandText());
        Assert.Null(cmds[2].ExecForm);
    }

    [Fact]
    public void OnBuildWrapsATriggerWithItsOwnFlags()
    {
        var tree = SyntaxTree.Parse("ONBUILD COPY --from=x a b\n");
        var onbuild = (OnBuildInstructionSyntax)tree.Root.Instructions[0];
        var trigger = Assert.IsType<CopyInstructionSyntax>(onbuild.Trigger);
        Assert.Equal("x", trigger.GetFlag("from")!.Value);
        Assert.Equal("(onbuild (copy [\"--from=x\"] \"a\" \"b\"))\n", BuildKitDumper.Dump(tree));
    }

    [Fact]
    public void FindTokenAndFindInstruction()
    {
        var text = "FROM a\n\n# c\nRUN echo hi\n";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal("echo", tree.Root.FindToken(text.IndexOf("echo", StringComparison.Ordinal) + 2).Text);
        Assert.IsType<RunInstructionSyntax>(tree.Root.FindInstruction(text.IndexOf("# c", StringComparison.Ordinal)));
        Assert.Equal(SyntaxKind.EndOfFileToken, tree.Root.FindToken(text.Length).Kind);
        Assert.Equal("FROM", tree.Root.FindToken(-5).Text);
    }

    // The logical line is parsed in place when it has one segment with text, and from a joined copy otherwise; every
    // shape of continuation must give tokens whose text is the file's text at their span and the value BuildKit sees.
    [Theory]
    [InlineData("FROM a\nRUN echo hi\n", "echo", "echo")]
    [InlineData("FROM a\n\\\nRUN echo hi\n", "echo", "echo")]
    [InlineData("FROM a\nRUN \\\n\\\n  echo hi\n", "echo", "echo")]
    [InlineData("FROM a\nRUN ec\\\nho hi\n", "ec\\\nho", "echo")]
    [InlineData("FROM a\nRUN echo hi \\\n# note\n\n", "hi", "hi")]
    [InlineData("FROM a\nRUN echo hi \\", "hi", "hi")]
    public void TokensMapBackToTheFileForEveryContinuationShape(string text, string tokenText, string value)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text, tree.Root.ToFullString());
        var tokens = tree.Root.DescendantTokens().Where(t => t.Kind != SyntaxKind.EndOfFileToken).ToArray();
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Span.Start, t.Span.Length)));
        var token = Assert.Single(tokens, t => t.Text == tokenText);
        Assert.Equal(value, token.ValueText);
        Assert.Equal("RUN", Assert.Single(tokens, t => t.Kind == SyntaxKind.KeywordToken && t.Text.EndsWith("RUN", StringComparison.Ordinal)).Text);
    }
}
