using DockerLsp.Syntax.Diagnostics;
using Xunit;

namespace DockerLsp.Syntax.Tests.Parsing;

/// <summary>Each bullet of shared/corpus/buildkit-parser/DIRECTIVES-BEHAVIOUR.md as a test.</summary>
public class DirectiveBehaviourTests
{
    private static ParserDirectiveSyntax[] Directives(SyntaxTree tree) => tree.Root.Directives.ToArray();

    [Theory]
    [InlineData("# escape=`", "escape", "`")]
    [InlineData("#escape=`", "escape", "`")]
    [InlineData("# EScape = `  ", "escape", "`")]
    [InlineData("# syntax = docker/dockerfile:1 // opts", "syntax", "docker/dockerfile:1 // opts")]
    [InlineData("#check=skip=all", "check", "skip=all")]
    [InlineData("   # escape=`", "escape", "`")]
    public void LineGrammar(string line, string name, string value)
    {
        var tree = SyntaxTree.Parse(line + "\nFROM a\n");
        var directive = Assert.Single(Directives(tree));
        Assert.Equal(name, directive.Name);
        Assert.Equal(value, directive.Value);
        Assert.Equal(name == "escape" ? value[0] : '\\', tree.EscapeCharacter);
    }

    [Theory]
    [InlineData("# key = FOO bar\n# escape=`\n")]
    [InlineData("\n# escape=`\n")]
    [InlineData("# a comment\n# escape=`\n")]
    [InlineData("FROM x\n# escape=`\n")]
    [InlineData("#!/bin/sh\n# escape=`\n")]
    [InlineData("# 1escape=`\n# escape=`\n")]
    [InlineData("# escape=\n# syntax=x\n")]
    public void ScanningStopsAtTheFirstOtherLine(string prefix)
    {
        var tree = SyntaxTree.Parse(prefix + "FROM a\n");
        Assert.DoesNotContain(Directives(tree), d => d.Name == "escape");
        Assert.Equal('\\', tree.EscapeCharacter);
    }

    [Fact]
    public void DirectivesMustBeConsecutiveAndComeFirst()
    {
        var tree = SyntaxTree.Parse("# syntax=a\n# escape=`\n\n# check=skip=all\nFROM a\n");
        Assert.Equal(["syntax", "escape"], Directives(tree).Select(d => d.Name));
        Assert.Equal('`', tree.EscapeCharacter);
    }

    [Fact]
    public void RepeatedDirectiveIsAnError()
    {
        var tree = SyntaxTree.Parse("# escape=`\n# ESCAPE=\\\nFROM a\n");
        Assert.Contains(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.DuplicateDirective && d.Severity == DiagnosticSeverity.Error);
        Assert.Equal('`', tree.EscapeCharacter);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("\\\\")]
    [InlineData("'")]
    public void EscapeMustBeBackslashOrBacktick(string value)
    {
        var tree = SyntaxTree.Parse($"# escape={value}\nFROM a\n");
        var error = Assert.Single(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.InvalidEscapeDirective);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal('\\', tree.EscapeCharacter);
    }

    [Fact]
    public void EscapeControlsContinuation()
    {
        var tree = SyntaxTree.Parse("# escape=`\nFROM a\nRUN echo `\n  hi\nRUN c:\\path\\\n");
        Assert.Equal(3, tree.Root.Instructions.Count);
        Assert.Equal("RUN echo   hi", tree.Root.Instructions[1].GetLogicalText());
        Assert.Equal("RUN c:\\path\\", tree.Root.Instructions[2].GetLogicalText());
    }

    [Fact]
    public void ByteOrderMarkBeforeTheFirstDirectiveIsIgnored()
    {
        var tree = SyntaxTree.Parse("\uFEFF# escape=`\nFROM a\n");
        Assert.Equal('`', tree.EscapeCharacter);
        Assert.Equal("\uFEFF# escape=`\nFROM a\n", tree.Root.ToFullString());
        Assert.Equal(SyntaxKind.ByteOrderMarkTrivia, Directives(tree)[0].HashToken.LeadingTrivia.First().Kind);
    }

    [Fact]
    public void DirectiveLinesNeverReachTheDump()
    {
        var tree = SyntaxTree.Parse("# syntax=x\n# check=skip=all\nFROM a\n");
        Assert.Equal("(from \"a\")\n", Printing.BuildKitDumper.Dump(tree));
    }

    [Theory]
    [InlineData("skip=all;error=true", true, false, true)]
    [InlineData("skip=ConsistentInstructionCasing,FromAsCasing;error=true", false, false, true)]
    [InlineData("skip=all;experimental=InvalidDefinitionDescription", true, false, null)]
    [InlineData("skip=all // opts", true, false, null)]
    [InlineData("error=0", false, false, false)]
    public void CheckValueGrammar(string value, bool skipAll, bool experimentalAll, bool? error)
    {
        var parsed = CheckDirectiveValue.Parse(value);
        Assert.Null(parsed.Error);
        Assert.Equal(skipAll, parsed.SkipAll);
        Assert.Equal(experimentalAll, parsed.ExperimentalAll);
        Assert.Equal(error, parsed.ErrorOnWarnings);
        if (value.StartsWith("skip=Consistent", StringComparison.Ordinal)) Assert.Equal(["ConsistentInstructionCasing", "FromAsCasing"], parsed.SkippedRules);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("bogus=1")]
    [InlineData("error=maybe")]
    [InlineData("a=1;b=2;c=3;d=4")]
    public void MalformedCheckValueIsReported(string value)
    {
        Assert.NotNull(CheckDirectiveValue.Parse(value).Error);
        var tree = SyntaxTree.Parse($"# check={value}\nFROM a\n");
        Assert.Contains(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnosticIds.InvalidCheckDirective);
    }

    [Fact]
    public void DetectSyntax_ReferenceIsTheValueUpToTheFirstSpace()
    {
        var detected = DirectiveDetector.DetectSyntax("# syntax = dockerfile:experimental // opts\nFROM a\n")!;
        Assert.Equal("dockerfile:experimental", detected.Reference);
        Assert.Equal("dockerfile:experimental // opts", detected.CommandLine);
        Assert.Equal(1, detected.Line);
    }

    [Fact]
    public void DetectSyntax_SkipsAShebangButNotABlankLineAfterIt()
    {
        Assert.Equal(2, DirectiveDetector.DetectSyntax("#!/usr/bin/env docker\n# syntax=foo\n")!.Line);
        Assert.Null(DirectiveDetector.DetectSyntax("#!/usr/bin/env docker\n\n# syntax=foo\n"));
    }

    [Fact]
    public void DetectSyntax_BomKeepsLineOne() => Assert.Equal(1, DirectiveDetector.DetectSyntax("\uFEFF# syntax=foo\n")!.Line);

    [Fact]
    public void DetectSyntax_SlashFallbackForSyntaxOnly()
    {
        Assert.Equal("foo", DirectiveDetector.DetectSyntax("//syntax=foo\n")!.Reference);
        Assert.Equal("foo", DirectiveDetector.DetectSyntax("#!/x\n//syntax=foo\n")!.Reference);
        Assert.Null(DirectiveDetector.Detect("//check=skip=all\n", "check"));
        Assert.Equal("skip=all", DirectiveDetector.Detect("#check = skip=all // opts\n", "check")!.Reference);
    }

    [Fact]
    public void DetectSyntax_JsonFallback()
    {
        Assert.Equal("foo", DirectiveDetector.DetectSyntax("{\"syntax\": \"foo\", \"bar\": [\"abc\"]}")!.Reference);
        Assert.Null(DirectiveDetector.DetectSyntax("{\"syntax\": \"foo\""));
        Assert.Null(DirectiveDetector.DetectSyntax("{\"syntax\": \"foo\"}\n# syntax=bar\n"));
    }

    [Fact]
    public void NoDirective() => Assert.Null(DirectiveDetector.DetectSyntax("FROM a\n"));
}
