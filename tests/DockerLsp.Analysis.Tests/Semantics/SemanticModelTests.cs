using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;
using Xunit;

namespace DockerLsp.Analysis.Tests.Semantics;

/// <summary>Stages and the stage graph, variable scopes and values, build state.</summary>
public sealed class SemanticModelTests
{
    private static SemanticModel Model(string text) => SemanticModel.Create(SyntaxTree.Parse(text));

    private const string MultiStage = """
        ARG GO=1.23
        ARG BASE
        FROM golang:${GO} AS Build
        RUN go build -o /out/app
        FROM build AS test
        RUN go test
        FROM alpine:3.20 AS unused
        FROM alpine:3.20
        COPY --from=build /out/app /app
        RUN --mount=type=bind,from=test,target=/t true
        COPY --from=nginx:1.27 /etc/nginx /etc/nginx
        COPY --from=0 /x /x
        """;

    [Fact]
    public void Stages_have_index_name_base_and_instructions()
    {
        var model = Model(MultiStage);
        Assert.Equal(4, model.Stages.Length);
        var build = model.Stages[0];
        Assert.Equal("Build", build.Name);
        Assert.Equal("build", build.NormalizedName);
        Assert.Equal("golang:1.23", build.BaseText);
        Assert.Equal("docker.io/library/golang:1.23", build.BaseImage!.FullyQualified);
        Assert.Equal(build, model.Stages[1].BaseStage);
        Assert.Equal(build.BaseImage, model.Stages[1].RootImage);
        Assert.Null(model.Stages[3].Name);
        Assert.Equal(5, model.Stages[3].Instructions.Length);
        Assert.Equal(model.Stages[3], model.FinalStage);
        Assert.Equal(build, model.FindStage("BUILD"));
        Assert.Equal(model.Stages[2], model.FindStage("2"));
    }

    [Fact]
    public void Stage_graph_and_reachability()
    {
        var model = Model(MultiStage);
        var final = model.FinalStage!;
        var references = model.StageReferences.Where(r => r.Source == final).ToArray();
        Assert.Equal([StageReferenceKind.FromBase, StageReferenceKind.CopyFrom, StageReferenceKind.MountFrom, StageReferenceKind.CopyFrom, StageReferenceKind.CopyFrom], references.Select(r => r.Kind));
        Assert.Equal(model.Stages[0], references[1].Target);
        Assert.Equal(model.Stages[1], references[2].Target);
        Assert.Equal("nginx:1.27", references[3].Image!.Original);
        Assert.Equal(model.Stages[0], references[4].Target);
        var reaching = model.GetStagesReaching();
        Assert.Equal(new[] { 0, 1, 3 }, reaching.Select(s => s.Index).Order().ToArray()); // "unused" (2) is not needed
        Assert.Equal(new[] { model.Stages[0] }, model.GetStagesReaching(model.Stages[0]).ToArray());
    }

    [Fact]
    public void Stage_reference_problems()
    {
        var model = Model("FROM alpine AS a\nCOPY --from=a /x /x\nCOPY --from=b /x /x\nCOPY --from=5 /x /x\nCOPY --from=$X /x /x\nFROM alpine AS b\n");
        var problems = model.StageReferences.Where(r => r.Kind == StageReferenceKind.CopyFrom).Select(r => r.Problem).ToArray();
        Assert.Equal([StageReferenceProblem.Current, StageReferenceProblem.Later, StageReferenceProblem.Unknown, StageReferenceProblem.Symbolic], problems);
    }

    [Fact]
    public void Variables_follow_BuildKit_scoping()
    {
        const string text = """
            ARG VERSION=1.0
            ARG OTHER
            FROM alpine:3.20 AS base
            ENV HOME_DIR=/home/app
            ARG VERSION
            ENV A=$VERSION B=${A}x
            LABEL l=1
            FROM base
            RUN true
            """;
        var model = Model(text);
        var label = text.IndexOf("LABEL", StringComparison.Ordinal);
        var version = model.ResolveVariable("VERSION", label)!;
        Assert.Equal(VariableKind.StageArg, version.Symbol.Kind);
        Assert.Equal("1.0", version.Value);
        Assert.Equal("1.0", model.ResolveVariable("A", label)!.Value);
        Assert.Null(model.ResolveVariable("B", label)!.Value); // A was not yet set when B was expanded: "${A}x" has no known value
        Assert.Null(model.ResolveVariable("OTHER", label));

        var run = text.IndexOf("RUN", StringComparison.Ordinal);
        Assert.Equal("/home/app", model.ResolveVariable("HOME_DIR", run)!.Value); // ENV inherited through FROM base
        Assert.Null(model.ResolveVariable("VERSION", run)); // ARG is not
        Assert.NotNull(model.ResolveVariable("HTTP_PROXY", run));

        var from = text.IndexOf("FROM", StringComparison.Ordinal);
        Assert.Equal(VariableKind.GlobalArg, model.ResolveVariable("VERSION", from)!.Symbol.Kind);
        Assert.Equal(VariableKind.Predefined, model.ResolveVariable("TARGETARCH", from)!.Symbol.Kind);
        Assert.Equal(2, model.GlobalArgs.Length);
    }

    [Fact]
    public void Build_state_tracks_user_workdir_and_shell()
    {
        const string text = """
            FROM debian:12 AS base
            USER app:app
            WORKDIR /srv
            WORKDIR data
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            RUN true
            FROM base
            USER root
            RUN true
            """;
        var model = Model(text);
        var runs = model.SyntaxTree.Root.Instructions.OfType<RunInstructionSyntax>().ToArray();
        var first = model.GetBuildState(runs[0]);
        Assert.Equal("app:app", first.User);
        Assert.False(first.IsRoot);
        Assert.Equal("/srv/data", first.Workdir);
        Assert.True(first.HasPipefail);
        Assert.True(first.IsPosixShell);
        var second = model.GetBuildState(runs[1]);
        Assert.True(second.IsRoot);
        Assert.Equal("/srv/data", second.Workdir);
        Assert.True(second.HasPipefail);
        Assert.False(BuildState.Initial.HasPipefail);
    }

    [Fact]
    public void A_value_doubled_on_every_line_is_resolved_without_exhausting_memory()
    {
        // ARG a1=${a0}${a0} ... sixty lines: 2^60 characters before expansions stopped at 1 MiB (out of memory, or minutes).
        var lines = new List<string> { "FROM alpine", "ARG a0=xxxxxxxxxx" };
        for (var i = 1; i < 60; i++) lines.Add($"ARG a{i}=${{a{i - 1}}}${{a{i - 1}}}");
        lines.Add("WORKDIR /$a59");
        lines.Add("RUN true");
        var model = Model(string.Join("\n", lines) + "\n");
        var run = model.SyntaxTree.Root.Instructions.Last();
        var workdir = model.GetBuildState(run).Workdir;
        Assert.NotNull(workdir);
        Assert.InRange(workdir!.Length, 1, 1 << 21);
    }
}
