using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax;

/// <summary>
/// A JSON (exec) form argument list: <c>[</c>, string literals separated by commas, <c>]</c>. Only built when BuildKit
/// accepts the text as a JSON array of strings; anything else is shell form.
/// </summary>
public sealed class ExecFormSyntax : SyntaxNode
{
    internal ExecFormSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken OpenBracket => GetToken(SyntaxKind.OpenBracketToken);
    public SyntaxToken CloseBracket => GetToken(SyntaxKind.CloseBracketToken);
    public IEnumerable<SyntaxToken> Elements => GetTokens(SyntaxKind.StringLiteralToken);

    /// <summary>The decoded strings (BuildKit's argv).</summary>
    public IReadOnlyList<string> Values => Elements.Select(e => e.ValueText).ToArray();
}

/// <summary>
/// Shell-form arguments: the rest of the line split into words (quote-aware, quotes kept). BuildKit passes the
/// whole text (<see cref="GetCommandText"/>) to the shell as one string.
/// </summary>
public sealed class ShellFormSyntax : SyntaxNode
{
    internal ShellFormSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public IEnumerable<SyntaxToken> Words => GetTokens(SyntaxKind.WordToken);

    /// <summary>The command text as BuildKit hands it to the shell (logical line, continuations removed).</summary>
    public string GetCommandText() => LogicalText.Of(this);
}

/// <summary>Whitespace-separated argument words (COPY/ADD/VOLUME shell form, EXPOSE, unknown instructions).</summary>
public sealed class ArgumentListSyntax : SyntaxNode
{
    internal ArgumentListSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public IReadOnlyList<SyntaxToken> Words => GetTokens(SyntaxKind.WordToken).ToArray();
}

/// <summary>
/// One <c>key=value</c> pair of ENV or LABEL, or the legacy <c>key value</c> form (no equals token; the value is the rest
/// of the line verbatim). Key and value keep quotes and escapes as written, as BuildKit's parser does.
/// </summary>
public sealed class KeyValuePairSyntax : SyntaxNode
{
    internal KeyValuePairSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken KeyToken => ChildTokens().FirstOrDefault();
    public SyntaxToken EqualsToken => GetToken(SyntaxKind.EqualsToken);
    public SyntaxToken ValueToken => ChildTokens().Skip(1).LastOrDefault(t => t.Kind != SyntaxKind.EqualsToken);
    public bool IsLegacyForm => EqualsToken.Kind == SyntaxKind.None;
    public string Key => KeyToken.ValueText;
    public string Value => ValueToken.ValueText;
}

/// <summary>One ARG declaration: a name and an optional <c>=default</c>.</summary>
public sealed class ArgDeclarationSyntax : SyntaxNode
{
    internal ArgDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken NameToken => ChildTokens().FirstOrDefault();
    public SyntaxToken EqualsToken => GetToken(SyntaxKind.EqualsToken);
    public SyntaxToken DefaultValueToken => EqualsToken.Kind == SyntaxKind.None ? default : ChildTokens().Skip(2).FirstOrDefault();
    public string Name => NameToken.ValueText;
    public bool HasDefault => EqualsToken.Kind != SyntaxKind.None;
    public string? DefaultValue => HasDefault ? DefaultValueToken.ValueText : null;
}

/// <summary>
/// A heredoc attached to RUN/COPY/ADD (or ONBUILD wrapping one): the raw body (line breaks included, tabs kept even for
/// <c>&lt;&lt;-</c>, as BuildKit's parser keeps them) and the terminator line. Missing terminator = unterminated.
/// </summary>
public sealed class HeredocSyntax : SyntaxNode
{
    internal HeredocSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    private HeredocInfo Info => ((GreenHeredocNode)Green).Info;
    public string Name => Info.Name;
    public bool Chomp => Info.Chomp;
    public bool Expand => Info.Expand;
    public int FileDescriptor => Info.FileDescriptor;
    public bool IsTerminated => ((GreenHeredocNode)Green).IsTerminated;
    public SyntaxToken Body => GetToken(SyntaxKind.HeredocBodyToken);
    public SyntaxToken Terminator => GetToken(SyntaxKind.HeredocTerminatorToken);

    /// <summary>The body as BuildKit's instruction layer uses it: leading tabs removed from every line when <see cref="Chomp"/>.</summary>
    public string GetContent()
    {
        var body = Body.Text;
        if (!Chomp) return body;
        var lines = body.Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimStart('\t')));
    }
}

/// <summary>
/// An image reference in FROM (or a stage name written where an image may be). The parts are computed from the
/// token text the way Docker splits a reference: [registry/]repository[:tag][@digest]. Variables stay symbolic.
/// </summary>
public sealed class ImageReferenceSyntax : SyntaxNode
{
    internal ImageReferenceSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken Token => ChildTokens().FirstOrDefault();
    public string Text => Token.ValueText;

    /// <summary>The reference split into parts; spans are absolute when the token is on one line.</summary>
    public ImageReferenceParts GetParts() => ImageReferenceParts.Parse(Text, Token.Span.Start);
}

/// <summary>The parts of an image reference with their spans (each part's span is empty when the part is absent).</summary>
public sealed record ImageReferenceParts(
    string? Registry, TextSpan RegistrySpan,
    string Repository, TextSpan RepositorySpan,
    string? Tag, TextSpan TagSpan,
    string? Digest, TextSpan DigestSpan)
{
    /// <summary>Splits like Docker's reference grammar: the first path component is a registry when it contains '.' or ':' or is "localhost".</summary>
    public static ImageReferenceParts Parse(string text, int offset)
    {
        var digestAt = text.IndexOf('@');
        var namePart = digestAt >= 0 ? text[..digestAt] : text;
        string? digest = digestAt >= 0 ? text[(digestAt + 1)..] : null;
        var digestSpan = digestAt >= 0 ? new TextSpan(offset + digestAt + 1, text.Length - digestAt - 1) : new TextSpan(offset + text.Length, 0);

        var slash = namePart.IndexOf('/');
        string? registry = null;
        var registryLength = 0;
        if (slash > 0)
        {
            var first = namePart[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsUpper))
            {
                registry = first;
                registryLength = slash + 1;
            }
        }
        var rest = namePart[registryLength..];
        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.IndexOf(':', lastSlash + 1);
        var repository = colon >= 0 ? rest[..colon] : rest;
        string? tag = colon >= 0 ? rest[(colon + 1)..] : null;
        var repoStart = offset + registryLength;
        return new ImageReferenceParts(
            registry, new TextSpan(offset, registry?.Length ?? 0),
            repository, new TextSpan(repoStart, repository.Length),
            tag, tag is null ? new TextSpan(repoStart + repository.Length, 0) : new TextSpan(repoStart + colon + 1, tag.Length),
            digest, digestSpan);
    }
}
