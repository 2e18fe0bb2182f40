using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF402_SecretInArgOrEnv;

/// <summary>
/// DF402: an ARG or ENV whose name looks like a secret. Build args and ENV values are stored in the image history and config,
/// where anyone who can pull the image can read them. Names are matched as BuildKit's SecretsUsedInArgOrEnv does (whole
/// '_'-separated words: apikey, auth, credential(s), key, password, pword, passwd, secret, token), with more exclusions
/// for names that describe where a secret is rather than holding it (public, file, version, path, dir, url, id, name) and
/// public signing keys (gpg, pgp, fingerprint, keyring, keyserver). ENV with an empty literal value is not a leak.
/// </summary>
public sealed class SecretInArgOrEnvAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> s_secretWords = new(StringComparer.Ordinal) { "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token", "pat" };
    private static readonly HashSet<string> s_allowWords = new(StringComparer.Ordinal) { "public", "file", "version", "path", "dir", "url", "id", "name", "gpg", "pgp", "fingerprint", "keyring", "keyserver", "keys", "type", "length", "size", "method" };

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF402",
        "Secret in ARG or ENV",
        "{0} '{1}' looks like a secret: its value is stored in the image history, readable by anyone who can pull the image. Pass it with 'RUN --mount=type=secret' instead.",
        DiagnosticCategory.Security,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3064"],
        buildKitNames: ["SecretsUsedInArgOrEnv"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.ArgInstruction, SyntaxKind.EnvInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        switch (context.Node)
        {
            case ArgInstructionSyntax arg:
                foreach (var declaration in arg.Declarations)
                {
                    if (LooksSecret(declaration.Name)) context.ReportDiagnostic(Diagnostic.Create(Descriptor, declaration.NameToken.Span, "ARG", declaration.Name));
                }
                break;
            case EnvInstructionSyntax env:
                foreach (var pair in env.Pairs)
                {
                    if (pair.KeyToken.Kind == SyntaxKind.None || !LooksSecret(pair.Key)) continue;
                    if (pair.Value.Trim('"', '\'').Length == 0) continue;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptor, pair.KeyToken.Span, "ENV", pair.Key));
                }
                break;
        }
    }

    internal static bool LooksSecret(string name)
    {
        var words = name.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(s_secretWords.Contains) && !words.Any(s_allowWords.Contains);
    }
}
