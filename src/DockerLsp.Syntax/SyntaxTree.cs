using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Parsing;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax;

/// <summary>Parse settings. <see cref="ForceFullReparse"/> turns incremental reparse off (also with DOCKERLSP_FULL_REPARSE=1).</summary>
public sealed record ParseOptions
{
    public static ParseOptions Default { get; } = new()
    {
        ForceFullReparse = Environment.GetEnvironmentVariable("DOCKERLSP_FULL_REPARSE") is "1" or "true",
    };

    public bool ForceFullReparse { get; init; }
}

/// <summary>
/// An immutable parsed Dockerfile: its <see cref="SourceText"/>, the root node and the escape character in effect.
/// Parsing never throws (except for cancellation) and never loses text: <c>Root.ToFullString() == Text.ToString()</c>.
/// <see cref="WithChangedText"/> reparses incrementally, reusing unchanged instructions.
/// </summary>
public sealed class SyntaxTree
{
    private IReadOnlyList<SyntaxDiagnostic>? _diagnostics;

    private SyntaxTree(SourceText text, GreenSourceFile root, char escape, ParseOptions options, bool wasIncremental)
    {
        Text = text;
        EscapeCharacter = escape;
        Options = options;
        WasIncremental = wasIncremental;
        Root = new SourceFileSyntax(root, this);
    }

    public SourceText Text { get; }
    public SourceFileSyntax Root { get; }

    /// <summary>The escape character (<c>\</c> or <c>`</c>) set by the escape directive.</summary>
    public char EscapeCharacter { get; }

    public ParseOptions Options { get; }

    /// <summary>True when this tree was produced by reusing parts of an older tree.</summary>
    public bool WasIncremental { get; }

    public static SyntaxTree Parse(string text, ParseOptions? options = null) => Parse(SourceText.From(text), options);

    public static SyntaxTree Parse(SourceText text, ParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (root, escape) = Parser.ParseFull(text, cancellationToken);
        return new SyntaxTree(text, root, escape, options ?? ParseOptions.Default, wasIncremental: false);
    }

    /// <summary>A tree for <paramref name="newText"/>, reusing this tree's unchanged instructions when it can.</summary>
    public SyntaxTree WithChangedText(SourceText newText, CancellationToken cancellationToken = default)
    {
        if (ReferenceEquals(newText, Text)) return this;
        if (!Options.ForceFullReparse && IncrementalParser.TryReparse(this, newText, cancellationToken) is { } result)
        {
            return new SyntaxTree(newText, result.Root, result.Escape, Options, wasIncremental: true);
        }
        return Parse(newText, Options, cancellationToken);
    }

    /// <summary>All syntax diagnostics in document order.</summary>
    public IReadOnlyList<SyntaxDiagnostic> GetDiagnostics() =>
        _diagnostics ??= Root.GetDiagnostics().OrderBy(d => d.Span.Start).ThenBy(d => d.Span.Length).ToArray();

    public bool HasErrors => GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
}
