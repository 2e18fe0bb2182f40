using DockerLsp.Features.CodeActions;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Tests;

/// <summary>Quick fixes, fix-all, suppressions and refactorings, checked by applying their edits to the text.</summary>
public sealed class CodeActionServiceTests
{
    private static (Document Document, IReadOnlyList<CodeActionItem> Actions) Actions(string text, int start, int length = 0, IAnalysisEngine? engine = null)
    {
        engine ??= new SyntaxAnalysisEngine();
        var document = Document.Create("file:///t/Dockerfile", 1, text, isOpen: true);
        var analysis = engine.Analyze(document, LanguageServerSettings.Default, CancellationToken.None);
        return (document, new CodeActionService(engine).GetActions(analysis, new TextSpan(start, length), null, CancellationToken.None));
    }

    private static string Apply(Document document, CodeActionItem action) =>
        document.Text.WithChanges([.. action.ComputeChanges(CancellationToken.None)]).ToString();

    private static string ApplyTitled(string text, int start, string title, int length = 0)
    {
        var (document, actions) = Actions(text, start, length);
        return Apply(document, actions.Single(a => a.Title == title));
    }

    [Fact]
    public void MisspelledKeywordHasAPreferredFix()
    {
        var (document, actions) = Actions("FROM alpine\nRUNN echo\n", 13);
        var fix = actions.First();
        Assert.True(fix.IsPreferred);
        Assert.Equal(CodeActionCategory.QuickFix, fix.Kind);
        Assert.Equal("FROM alpine\nRUN echo\n", Apply(document, fix));
    }

    [Fact]
    public void EmptyContinuationLinesAreRemovedOneByOneOrAllAtOnce()
    {
        const string text = "FROM alpine\nRUN a && \\\n\n    b && \\\n\n    c\n";
        var (document, actions) = Actions(text, text.IndexOf("\n\n", StringComparison.Ordinal) + 1);
        Assert.Equal("FROM alpine\nRUN a && \\\n    b && \\\n\n    c\n", Apply(document, actions.First(a => a.IsPreferred)));
        Assert.Equal("FROM alpine\nRUN a && \\\n    b && \\\n    c\n", Apply(document, actions.Single(a => a.Title == "Fix all DF112 in this file")));
        var sourceFixAll = actions.Single(a => a.Kind == CodeActionCategory.SourceFixAll);
        Assert.Equal("FROM alpine\nRUN a && \\\n    b && \\\n    c\n", Apply(document, sourceFixAll));
    }

    [Fact]
    public void SuppressionsInsertAndMergeComments()
    {
        const string text = "FROM alpine\nRUN a && \\\n\n    b\n";
        var position = text.IndexOf("\n\n", StringComparison.Ordinal) + 1;
        Assert.Equal("FROM alpine\n# dockerlsp ignore=DF112\nRUN a && \\\n\n    b\n", ApplyTitled(text, position, "Ignore DF112 for this instruction"));
        Assert.Equal("# dockerlsp global ignore=DF112\nFROM alpine\nRUN a && \\\n\n    b\n", ApplyTitled(text, position, "Ignore DF112 for this file"));
        const string commented = "FROM alpine\n# dockerlsp ignore=DF999\nRUN a && \\\n\n    b\n";
        Assert.Equal("FROM alpine\n# dockerlsp ignore=DF999,DF112\nRUN a && \\\n\n    b\n",
            ApplyTitled(commented, commented.IndexOf("\n\n", StringComparison.Ordinal) + 1, "Ignore DF112 for this instruction"));
    }

    [Theory]
    [InlineData("FROM alpine\nCMD nginx -g daemon\n", "Convert CMD to exec form", "FROM alpine\nCMD [\"nginx\", \"-g\", \"daemon\"]\n")]
    [InlineData("FROM alpine\nCMD echo $HOME && ls\n", "Convert CMD to exec form", "FROM alpine\nCMD [\"/bin/sh\", \"-c\", \"echo $HOME && ls\"]\n")]
    [InlineData("FROM alpine\nENTRYPOINT [\"/bin/sh\", \"-c\", \"exec app\"]\n", "Convert ENTRYPOINT to shell form", "FROM alpine\nENTRYPOINT exec app\n")]
    [InlineData("FROM alpine\nRUN [\"echo\", \"a b\"]\n", "Convert RUN to shell form", "FROM alpine\nRUN echo 'a b'\n")]
    public void CommandFormConversions(string text, string title, string expected) =>
        Assert.Equal(expected, ApplyTitled(text, text.IndexOf('\n') + 2, title));

    [Fact]
    public void SplitChainedRunPutsOneCommandPerLine()
    {
        const string text = "FROM alpine\nRUN apk add curl && echo 'a && b' && rm -rf /tmp/x\n";
        Assert.Equal("FROM alpine\nRUN apk add curl \\\n    && echo 'a && b' \\\n    && rm -rf /tmp/x\n", ApplyTitled(text, 14, "Split RUN into one command per line"));
    }

    [Fact]
    public void JoinConsecutiveRuns()
    {
        const string text = "FROM alpine\nRUN apk update\nRUN apk add curl\nCMD x\n";
        Assert.Equal("FROM alpine\nRUN apk update \\\n    && apk add curl\nCMD x\n", ApplyTitled(text, 14, "Join 2 RUN instructions", 20));
    }

    [Fact]
    public void SortMultiLinePackageList()
    {
        const string text = "FROM debian\nRUN apt-get install -y \\\n    git \\\n    curl \\\n    ca-certificates \\\n && rm -rf /var/lib/apt/lists/*\n";
        Assert.Equal("FROM debian\nRUN apt-get install -y \\\n    ca-certificates \\\n    curl \\\n    git \\\n && rm -rf /var/lib/apt/lists/*\n",
            ApplyTitled(text, 14, "Sort package list"));
    }

    [Fact]
    public void RefactoringsDeclineWhenTheyWouldLoseText()
    {
        var (_, actions) = Actions("FROM alpine\nRUN a && \\\n# comment\n    b && c\n", 14);
        Assert.DoesNotContain(actions, a => a.Title.StartsWith("Split", StringComparison.Ordinal) || a.Title.StartsWith("Convert", StringComparison.Ordinal));
        var (_, heredoc) = Actions("FROM alpine\nRUN <<EOF\necho a && echo b\nEOF\n", 14);
        Assert.DoesNotContain(heredoc, a => a.Kind == CodeActionCategory.RefactorRewrite && a.Title.StartsWith("Convert", StringComparison.Ordinal));
    }

    [Fact]
    public void ActionsAreFoundAgainByKey()
    {
        var engine = new SyntaxAnalysisEngine();
        var document = Document.Create("file:///t/Dockerfile", 1, "FROM alpine\nCMD echo hi\n", isOpen: true);
        var analysis = engine.Analyze(document, LanguageServerSettings.Default, CancellationToken.None);
        var service = new CodeActionService(engine);
        var range = new TextSpan(13, 0);
        var first = service.GetActions(analysis, range, null, CancellationToken.None).First();
        Assert.Equal(first.Title, service.Resolve(analysis, range, first.Key, CancellationToken.None)!.Title);
        Assert.Null(service.Resolve(analysis, range, "refactor:nothing:0", CancellationToken.None));
    }
}
