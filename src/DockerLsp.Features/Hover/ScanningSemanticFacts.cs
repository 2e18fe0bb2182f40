using System.Collections.Frozen;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Features.Hover;

/// <summary>
/// Answers <see cref="ISemanticFacts"/> by scanning instructions in order with BuildKit's scoping: global ARGs before the
/// first FROM serve FROM lines; a stage sees its own ARGs (a bare <c>ARG x</c> inherits the global default) and ENVs;
/// values are expanded with the shell-word expander. Used when the analysis engine's semantic model is not available.
/// </summary>
public sealed class ScanningSemanticFacts : ISemanticFacts
{
    /// <summary>Arguments BuildKit defines without a declaration.</summary>
    public static FrozenSet<string> PredefinedArgs { get; } = new[]
    {
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        "TARGETSTAGE", "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX",
        "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "SOURCE_DATE_EPOCH",
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    }.ToFrozenSet(StringComparer.Ordinal);

    public VariableInfo? ResolveVariable(Document document, InstructionSyntax at, string name, CancellationToken cancellationToken)
    {
        var scope = ScopeAt(document, at, cancellationToken);
        if (scope.TryGetValue(name, out var info)) return info;
        return PredefinedArgs.Contains(name) ? new VariableInfo(name, null, VariableOrigin.Predefined, null) : null;
    }

    public IReadOnlyList<StageInfo> GetStages(Document document, CancellationToken cancellationToken)
    {
        var stages = new List<StageInfo>();
        foreach (var instruction in document.Tree.Root.Instructions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (instruction is not FromInstructionSyntax from) continue;
            var nameToken = from.StageNameToken;
            stages.Add(new StageInfo(stages.Count, from.StageName, from.Image?.Text ?? string.Empty, from.Span,
                nameToken.Kind == SyntaxKind.None || nameToken.IsMissing ? null : nameToken.Span));
        }
        return stages;
    }

    private static Dictionary<string, VariableInfo> ScopeAt(Document document, InstructionSyntax at, CancellationToken cancellationToken)
    {
        var escape = document.Tree.EscapeCharacter;
        var globals = new Dictionary<string, VariableInfo>(StringComparer.Ordinal);
        var stage = new Dictionary<string, VariableInfo>(StringComparer.Ordinal);
        var inStage = false;
        var target = at.Parent is OnBuildInstructionSyntax onBuild ? onBuild : at;
        foreach (var instruction in document.Tree.Root.Instructions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (instruction.Position >= target.Position)
            {
                return instruction is FromInstructionSyntax || !inStage ? globals : stage;
            }
            switch (instruction)
            {
                case FromInstructionSyntax:
                    inStage = true;
                    stage = new Dictionary<string, VariableInfo>(StringComparer.Ordinal);
                    break;
                case ArgInstructionSyntax arg:
                    var scope = inStage ? stage : globals;
                    foreach (var declaration in arg.Declarations)
                    {
                        string? value = declaration.DefaultValue is { } raw ? Expand(raw, scope, escape) : null;
                        if (value is null && inStage && globals.TryGetValue(declaration.Name, out var global)) value = global.Value;
                        scope[declaration.Name] = new VariableInfo(declaration.Name, value, inStage ? VariableOrigin.Arg : VariableOrigin.GlobalArg, declaration.NameToken.Span);
                    }
                    break;
                case EnvInstructionSyntax env when inStage:
                    foreach (var pair in env.Pairs)
                    {
                        stage[pair.Key] = new VariableInfo(pair.Key, Expand(pair.Value, stage, escape), VariableOrigin.Env, pair.KeyToken.Span);
                    }
                    break;
            }
        }
        return inStage ? stage : globals;
    }

    private static string Expand(string raw, Dictionary<string, VariableInfo> scope, char escape)
    {
        var environment = new ShellEnvironment(scope.Where(p => p.Value.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value.Value!)));
        var result = ShellWordExpander.ExpandWord(raw, environment, new ShellWordOptions { EscapeToken = escape });
        return result.Succeeded ? result.Result : raw;
    }
}
