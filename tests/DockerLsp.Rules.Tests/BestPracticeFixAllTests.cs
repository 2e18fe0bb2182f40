using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// The best-practice fixes together: <c>TestData/rules/DF301/all-rules/</c> is a build context whose Dockerfile triggers every rule
/// DF301–DF316 and DF501 at once. One fix-all pass must apply without conflicts and give the checked-in result, and a second pass must
/// find nothing left to fix (only rules without a bulk fix remain). Also unit checks of the shared edit helpers that keep fixes of
/// different rules from colliding.
/// </summary>
public sealed class BestPracticeFixAllTests
{
    private static string AllRulesDirectory => Path.Combine(BestPracticeTestSupport.RulesData, "DF301", "all-rules");

    private static readonly string[] s_rulesWithoutBulkFix = ["DF314", "DF315", "DF501"];

    [Fact]
    public async Task Fix_all_over_a_file_that_triggers_every_rule_converges_in_one_pass()
    {
        var context = new DirectoryBuildContext(AllRulesDirectory);
        var text = File.ReadAllText(Path.Combine(AllRulesDirectory, "Dockerfile"));
        var document = DockerfileDocument.Create(text, "Dockerfile", context);
        var configuration = BestPracticeTestSupport.WithPinningRule;
        bool Ours(Diagnostic d) => BestPracticeTestSupport.IsBestPracticeRule(d.Id);

        var before = RuleCatalog.Driver.Analyze(document, configuration).Where(Ours).Select(d => d.Id).ToHashSet();
        var expectedIds = RuleCatalog.Rules.Select(r => r.Id).Where(BestPracticeTestSupport.IsBestPracticeRule);
        Assert.Empty(expectedIds.Except(before));

        var first = await BestPracticeTestSupport.FixAllOnceAsync(document, configuration, Ours);
        Assert.Empty(first.ConflictingDiagnostics.Select(d => d.ToString()));
        var fixedText = first.Changes.ApplyTo(document.Text).ToString();
        BestPracticeTestSupport.CompareOrUpdate(Path.Combine(AllRulesDirectory, "Dockerfile.fixed"), fixedText);
        context.Apply(first.Changes.FileEdits);
        BestPracticeTestSupport.CompareOrUpdate(Path.Combine(AllRulesDirectory, "expected.dockerignore"), context.ReadAllText(".dockerignore") ?? string.Empty);

        var after = DockerfileDocument.Create(fixedText, "Dockerfile", context);
        Assert.False(after.SyntaxTree.HasErrors, "The fixed Dockerfile does not parse:\n" + fixedText);
        var remaining = RuleCatalog.Driver.Analyze(after, configuration).Where(Ours).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(s_rulesWithoutBulkFix, remaining);
        var second = await BestPracticeTestSupport.FixAllOnceAsync(after, configuration, Ours);
        Assert.True(second.Changes.TextChanges.IsDefaultOrEmpty, "A second pass still changed the text.");
        Assert.True(second.Changes.FileEdits.IsDefaultOrEmpty, "A second pass still edited files.");
    }

    [Fact]
    public void Moves_into_one_place_become_one_insertion_in_document_order()
    {
        var document = DockerfileDocument.Create("FROM alpine\nRUN a\nLABEL x=1\nRUN b\nEXPOSE 80\nRUN c\n");
        var instructions = document.SyntaxTree.Root.Instructions;
        var changes = MovePlan.Build(document.Text, "\n", [new(instructions[4], instructions[0], MoveSlot.AfterAnchor), new(instructions[2], instructions[0], MoveSlot.AfterAnchor)]);
        Assert.Equal("FROM alpine\nLABEL x=1\nEXPOSE 80\nRUN a\nRUN b\nRUN c\n", changes.ApplyTo(document.Text).ToString());
        Assert.Empty(TextChangeMerger.Merge([changes.TextChanges]).RejectedSets);
    }

    [Fact]
    public void A_move_anchored_on_a_moved_instruction_follows_it()
    {
        var document = DockerfileDocument.Create("FROM alpine\nARG A\nENV B=$A\nRUN x\nRUN y\n");
        var instructions = document.SyntaxTree.Root.Instructions;
        var changes = MovePlan.Build(document.Text, "\n", [new(instructions[1], instructions[2], MoveSlot.BeforeAnchor), new(instructions[2], instructions[4], MoveSlot.BeforeAnchor)]);
        Assert.Equal("FROM alpine\nRUN x\nARG A\nENV B=$A\nRUN y\n", changes.ApplyTo(document.Text).ToString());
    }

    [Fact]
    public void Appending_to_a_run_and_joining_the_next_run_do_not_collide()
    {
        // DF310 appends to the first RUN while DF301/DF309 join the second onto it: the append replaces the last word and the join
        // starts right after it, so the merger accepts both and the cleanup ends up before the joined command.
        var document = DockerfileDocument.Create("FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN useradd app\n");
        var model = document.GetSemanticModel();
        var runs = document.SyntaxTree.Root.Instructions.OfType<Syntax.RunInstructionSyntax>().ToArray();
        var style = DockerfileStyle.Of(document.SyntaxTree);
        var append = ScriptEdits.AppendCommands(document.Text, style, model.GetShellScript(runs[0]), ["rm -rf /var/lib/apt/lists/*"])!.Value;
        var join = RunJoin.Join(document.Text, style, runs[0], runs[1]);
        var merged = TextChangeMerger.Merge([ImmutableArray.Create(append), ImmutableArray.Create(join)]);
        Assert.Empty(merged.RejectedSets);
        Assert.Equal(
            "FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && \\\n    useradd app\n",
            document.Text.WithChanges([.. merged.Changes]).ToString());
    }

    [Fact]
    public void Style_follows_the_file_line_breaks_escape_and_indentation()
    {
        var crlf = DockerfileDocument.Create("# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN a `\r\n  && b\r\n");
        var style = DockerfileStyle.Of(crlf.SyntaxTree);
        Assert.Equal("\r\n", style.Newline);
        Assert.Equal('`', style.Escape);
        Assert.Equal("  ", style.ContinuationIndent);
        Assert.Equal(ChainOperatorPlacement.LeadingOperator, style.Placement);
        Assert.Equal(" `\r\n  && ", style.ChainOnNewLine());
    }

    [Fact]
    public void Removing_commands_from_a_chain_keeps_the_remaining_formatting()
    {
        var document = DockerfileDocument.Create("FROM debian\nRUN mkdir -p /a \\\n    && tar -xf /x.tar -C /a \\\n    && rm /x.tar \\\n    && touch /a/ok\n");
        var script = document.GetSemanticModel().GetShellScript((Syntax.RunInstructionSyntax)document.SyntaxTree.Root.Instructions[1]);
        var remove = script.Commands.Where(c => c.Name is "tar" or "rm").ToList();
        var changes = ScriptEdits.RemoveCommands(script, remove)!;
        Assert.Equal("FROM debian\nRUN mkdir -p /a \\\n    && touch /a/ok\n", document.Text.WithChanges([.. changes]).ToString());
    }

    [Fact]
    public void Every_best_practice_rule_has_a_documentation_page()
    {
        foreach (var descriptor in RuleCatalog.Rules.Where(r => BestPracticeTestSupport.IsBestPracticeRule(r.Id)))
        {
            var page = RuleCatalog.GetDocumentation(descriptor.Id);
            Assert.False(page is null, $"{descriptor.Id} has no docs/rules/{descriptor.Id}.md");
            Assert.Contains("# " + descriptor.Id, page, StringComparison.Ordinal);
        }
    }

}
