using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF209_InvalidExpose;

/// <summary>
/// DF209: an EXPOSE word that is not <c>port[/protocol]</c> or <c>start-end[/protocol]</c> with ports 0-65535 and protocol tcp, udp or
/// sctp in lowercase; a host mapping (<c>8080:80</c>) or IP (<c>127.0.0.1:80:80</c>) is a runtime concern that EXPOSE ignores.
/// Words with variables are checked after expansion when the value is known. The <c>replacement</c> property holds the
/// corrected word when one can be derived (container port kept, protocol lower-cased).
/// </summary>
public sealed class InvalidExposeAnalyzer : DiagnosticAnalyzer
{
    public const string ReplacementProperty = "replacement";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF209",
        "Invalid EXPOSE port",
        "{0}",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3011"],
        buildKitNames: ["ExposeInvalidFormat", "ExposeProtoCasing"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.ExposeInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var expose = (ExposeInstructionSyntax)context.Node;
        foreach (var word in expose.Words)
        {
            var value = word.ValueText;
            if (value.Contains('$'))
            {
                value = context.SemanticModel.Expand(value, expose);
                if (value.Contains('$')) continue;
            }
            var (message, replacement) = Check(value);
            if (message is null) continue;
            var literal = value == word.ValueText && word.Text == word.ValueText;
            var properties = replacement is not null && literal ? new Dictionary<string, string> { [ReplacementProperty] = replacement } : null;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, word.Span, null, properties, DiagnosticTags.None, message));
        }
    }

    /// <summary>The problem with one EXPOSE word, and the fixed word when it can be derived.</summary>
    internal static (string? Message, string? Replacement) Check(string word)
    {
        var slash = word.IndexOf('/');
        var portPart = slash >= 0 ? word[..slash] : word;
        var protocol = slash >= 0 ? word[(slash + 1)..] : null;
        string? fixedProtocol = protocol?.ToLowerInvariant();
        if (protocol is not null && fixedProtocol is not ("tcp" or "udp" or "sctp"))
        {
            return ($"'{protocol}' is not a protocol EXPOSE accepts: use tcp, udp or sctp.", null);
        }

        if (portPart.Contains(':'))
        {
            var containerPort = portPart[(portPart.LastIndexOf(':') + 1)..];
            var replacement = IsPortOrRange(containerPort) ? containerPort + (fixedProtocol is null ? string.Empty : "/" + fixedProtocol) : null;
            return ($"EXPOSE '{word}' includes a host address or port: EXPOSE only declares the container port; publish with 'docker run -p'.", replacement);
        }
        if (!IsPortOrRange(portPart))
        {
            return ($"'{portPart}' is not a valid port or port range (0-65535).", null);
        }
        if (protocol is not null && protocol != fixedProtocol)
        {
            return ($"Protocol '{protocol}' should be lowercase ('{fixedProtocol}').", portPart + "/" + fixedProtocol);
        }
        return (null, null);
    }

    private static bool IsPortOrRange(string text)
    {
        var dash = text.IndexOf('-');
        if (dash < 0) return IsPort(text);
        return IsPort(text[..dash]) && IsPort(text[(dash + 1)..]) && int.Parse(text[..dash], System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(text[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsPort(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) <= 65535;
}
