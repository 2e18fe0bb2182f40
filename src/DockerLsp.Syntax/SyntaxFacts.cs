namespace DockerLsp.Syntax;

/// <summary>Static facts about kinds and instruction keywords. Keywords are case-insensitive, as in BuildKit.</summary>
public static class SyntaxFacts
{
    private static readonly Dictionary<string, SyntaxKind> s_keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FROM"] = SyntaxKind.FromInstruction,
        ["RUN"] = SyntaxKind.RunInstruction,
        ["CMD"] = SyntaxKind.CmdInstruction,
        ["ENTRYPOINT"] = SyntaxKind.EntrypointInstruction,
        ["SHELL"] = SyntaxKind.ShellInstruction,
        ["LABEL"] = SyntaxKind.LabelInstruction,
        ["ENV"] = SyntaxKind.EnvInstruction,
        ["ARG"] = SyntaxKind.ArgInstruction,
        ["ADD"] = SyntaxKind.AddInstruction,
        ["COPY"] = SyntaxKind.CopyInstruction,
        ["EXPOSE"] = SyntaxKind.ExposeInstruction,
        ["VOLUME"] = SyntaxKind.VolumeInstruction,
        ["USER"] = SyntaxKind.UserInstruction,
        ["WORKDIR"] = SyntaxKind.WorkdirInstruction,
        ["STOPSIGNAL"] = SyntaxKind.StopSignalInstruction,
        ["HEALTHCHECK"] = SyntaxKind.HealthcheckInstruction,
        ["ONBUILD"] = SyntaxKind.OnBuildInstruction,
        ["MAINTAINER"] = SyntaxKind.MaintainerInstruction,
    };

    /// <summary>The instruction keywords in their canonical upper-case spelling.</summary>
    public static IReadOnlyCollection<string> InstructionKeywords { get; } = s_keywords.Keys.ToArray();

    public static SyntaxKind GetInstructionKind(string keyword) =>
        s_keywords.TryGetValue(keyword, out var kind) ? kind : SyntaxKind.UnknownInstruction;

    public static SyntaxKind GetInstructionKind(ReadOnlySpan<char> keyword) =>
        s_keywords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(keyword, out var kind) ? kind : SyntaxKind.UnknownInstruction;

    public static string? GetKeywordText(SyntaxKind instructionKind) =>
        s_keywords.FirstOrDefault(pair => pair.Value == instructionKind).Key;

    public static bool IsInstruction(SyntaxKind kind) => kind >= SyntaxKind.FromInstruction && kind <= SyntaxKind.UnknownInstruction;
    public static bool IsTrivia(SyntaxKind kind) => kind > SyntaxKind.None && kind < SyntaxKind.EndOfFileToken;
    public static bool IsToken(SyntaxKind kind) => kind >= SyntaxKind.EndOfFileToken && kind < SyntaxKind.SourceFile;
    public static bool IsNode(SyntaxKind kind) => kind >= SyntaxKind.SourceFile;

    /// <summary>Instructions that BuildKit allows heredocs on (directly or inside ONBUILD).</summary>
    public static bool CanContainHeredoc(SyntaxKind kind) =>
        kind is SyntaxKind.RunInstruction or SyntaxKind.CopyInstruction or SyntaxKind.AddInstruction;

    /// <summary>Instructions whose arguments BuildKit expands with build args and ENV (so `${` errors matter at build time).</summary>
    public static bool ExpandsVariables(SyntaxKind kind) => kind is
        SyntaxKind.AddInstruction or SyntaxKind.CopyInstruction or SyntaxKind.EnvInstruction or SyntaxKind.ExposeInstruction or
        SyntaxKind.FromInstruction or SyntaxKind.LabelInstruction or SyntaxKind.StopSignalInstruction or SyntaxKind.UserInstruction or
        SyntaxKind.VolumeInstruction or SyntaxKind.WorkdirInstruction or SyntaxKind.ArgInstruction;
}
