using System.Collections.Immutable;

namespace DockerLsp.Analysis.Semantics;

public sealed partial class ImageReference
{
    private const int MaxNameLength = 255;
    private const int MaxTagLength = 128;

    /// <summary>
    /// Parses <paramref name="text"/> with Docker's reference grammar (distribution/reference), written out by hand:
    /// <c>[domain[:port]/]path[:tag][@algorithm:hex]</c>. The first path component is a domain when it contains '.' or ':',
    /// is <c>localhost</c>, or has an upper-case letter. Text containing <c>$</c> is kept symbolic and not validated.
    /// </summary>
    public static ImageReference Parse(string text)
    {
        text ??= string.Empty;
        if (s_parsed.TryGetValue(text, out var cached)) return cached;
        var parsed = text.Contains('$')
            ? Split(text, hasVariables: true, validate: false)
            : Split(text, hasVariables: false, validate: true);
        if (s_parsed.Count >= ParsedCacheLimit) s_parsed.Clear();
        s_parsed.TryAdd(text, parsed);
        return parsed;
    }

    /// <summary>
    /// Parsed references by text. Parsing is a pure function of the text and the result is immutable, and every keystroke
    /// builds a new semantic model that parses every FROM line again (333 of them in a 10,000-line file, few distinct), so
    /// the results are shared. Bounded: cleared when full, which only costs re-parsing.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ImageReference> s_parsed = new(StringComparer.Ordinal);

    private const int ParsedCacheLimit = 1024;

    private static ImageReference Split(string text, bool hasVariables, bool validate)
    {
        var errors = ImmutableArray.CreateBuilder<ImageReferenceError>();
        if (text.Length == 0)
        {
            errors.Add(new ImageReferenceError("The image reference is empty.", 0, 0));
            return new ImageReference(text, null, string.Empty, null, null, hasVariables, 0, -1, -1, errors.ToImmutable());
        }

        var at = text.IndexOf('@');
        var name = at >= 0 ? text[..at] : text;
        string? digest = at >= 0 ? text[(at + 1)..] : null;

        string? registry = null;
        var slash = name.IndexOf('/');
        if (slash >= 0)
        {
            var first = name[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsAsciiLetterUpper))
            {
                registry = first;
            }
        }
        var repositoryStart = registry is null ? 0 : registry.Length + 1;
        var rest = name[repositoryStart..];
        var lastSlash = rest.LastIndexOf('/');
        var colon = rest.IndexOf(':', lastSlash + 1);
        var repository = colon >= 0 ? rest[..colon] : rest;
        string? tag = colon >= 0 ? rest[(colon + 1)..] : null;
        var tagStart = colon >= 0 ? repositoryStart + colon + 1 : -1;
        var digestStart = at >= 0 ? at + 1 : -1;

        if (validate)
        {
            if (registry is not null) ValidateDomain(registry, errors);
            ValidatePath(repository, repositoryStart, errors);
            if (tag is not null) ValidateTag(tag, tagStart, errors);
            if (digest is not null) ValidateDigest(digest, digestStart, errors);
            if (name.Length > MaxNameLength)
            {
                errors.Add(new ImageReferenceError($"The repository name is longer than {MaxNameLength} characters.", 0, name.Length));
            }
        }
        return new ImageReference(text, registry, repository, tag, digest, hasVariables, repositoryStart, tagStart, digestStart, errors.ToImmutable());
    }

    /// <summary>domain := host[:port]; host := DNS labels separated by '.' (letters, digits, inner '-') or a bracketed IPv6 address.</summary>
    private static void ValidateDomain(string domain, ImmutableArray<ImageReferenceError>.Builder errors)
    {
        var host = domain;
        string? port = null;
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']');
            if (close < 0 || !domain[1..close].All(c => char.IsAsciiHexDigit(c) || c == ':'))
            {
                errors.Add(new ImageReferenceError($"'{domain}' is not a valid registry host: a bracketed IPv6 address is malformed.", 0, domain.Length));
                return;
            }
            if (close + 1 < domain.Length)
            {
                if (domain[close + 1] != ':') errors.Add(new ImageReferenceError($"'{domain}' is not a valid registry host.", 0, domain.Length));
                else port = domain[(close + 2)..];
            }
        }
        else
        {
            var colon = domain.IndexOf(':');
            if (colon >= 0)
            {
                host = domain[..colon];
                port = domain[(colon + 1)..];
            }
            var labels = host.Split('.');
            if (host.Length == 0 || labels.Any(l => l.Length == 0 || !char.IsAsciiLetterOrDigit(l[0]) || !char.IsAsciiLetterOrDigit(l[^1]) || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                errors.Add(new ImageReferenceError($"'{host}' is not a valid registry host name: use letters, digits, '-' and '.' (DNS style).", 0, host.Length));
            }
        }
        if (port is not null && (port.Length == 0 || !port.All(char.IsAsciiDigit)))
        {
            errors.Add(new ImageReferenceError($"'{port}' is not a valid registry port: it must be a number.", domain.Length - port.Length, port.Length));
        }
    }

    /// <summary>path := component ('/' component)*; component := [a-z0-9]+ (('.' | '_' | '__' | '-'+) [a-z0-9]+)*.</summary>
    private static void ValidatePath(string path, int offset, ImmutableArray<ImageReferenceError>.Builder errors)
    {
        if (path.Length == 0)
        {
            errors.Add(new ImageReferenceError("The image reference has no repository name.", offset, 0));
            return;
        }
        if (path.Any(char.IsAsciiLetterUpper))
        {
            errors.Add(new ImageReferenceError($"Repository name '{path}' must be lowercase.", offset, path.Length));
            path = path.ToLowerInvariant();
        }
        var position = offset;
        foreach (var component in path.Split('/'))
        {
            if (!IsValidComponent(component))
            {
                errors.Add(new ImageReferenceError(component.Length == 0
                    ? "The repository path has an empty component."
                    : $"'{component}' is not a valid repository path component: use lowercase letters and digits, separated by '.', '_', '__' or '-'.",
                    position, component.Length));
            }
            position += component.Length + 1;
        }
    }

    private static bool IsValidComponent(string component)
    {
        if (component.Length == 0 || !IsAlphaNumeric(component[0]) || !IsAlphaNumeric(component[^1])) return false;
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (IsAlphaNumeric(c)) continue;
            if (c == '-') continue;
            if (c == '.' && IsAlphaNumeric(component[i + 1])) continue;
            if (c == '_' && (IsAlphaNumeric(component[i + 1]) || (component[i + 1] == '_' && i + 2 < component.Length && IsAlphaNumeric(component[i + 2]) && component[i - 1] != '_'))) continue;
            return false;
        }
        return true;

        static bool IsAlphaNumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
    }

    /// <summary>tag := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}.</summary>
    private static void ValidateTag(string tag, int offset, ImmutableArray<ImageReferenceError>.Builder errors)
    {
        if (tag.Length == 0) errors.Add(new ImageReferenceError("The tag after ':' is empty.", offset, 0));
        else if (tag.Length > MaxTagLength) errors.Add(new ImageReferenceError($"The tag is longer than {MaxTagLength} characters.", offset, tag.Length));
        else if (!(IsWordChar(tag[0]) && tag.All(c => IsWordChar(c) || c is '.' or '-')))
        {
            errors.Add(new ImageReferenceError($"'{tag}' is not a valid tag: use letters, digits, '_', '.' and '-', not starting with '.' or '-'.", offset, tag.Length));
        }

        static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
    }

    /// <summary>digest := algorithm ':' hex, algorithm := [A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*, hex at least 32 chars; sha256 needs exactly 64 lowercase hex digits.</summary>
    private static void ValidateDigest(string digest, int offset, ImmutableArray<ImageReferenceError>.Builder errors)
    {
        var colon = digest.IndexOf(':');
        var algorithm = colon >= 0 ? digest[..colon] : digest;
        var hex = colon >= 0 ? digest[(colon + 1)..] : string.Empty;
        var validAlgorithm = algorithm.Length > 0 && char.IsAsciiLetter(algorithm[0])
            && algorithm.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '.');
        if (colon < 0 || !validAlgorithm)
        {
            errors.Add(new ImageReferenceError($"'{digest}' is not a valid digest: expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>.", offset, digest.Length));
            return;
        }
        if (algorithm == "sha256" && (hex.Length != 64 || !hex.All(c => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f'))))
        {
            errors.Add(new ImageReferenceError("A sha256 digest needs exactly 64 lowercase hexadecimal digits.", offset + colon + 1, hex.Length));
        }
        else if (hex.Length < 32 || !hex.All(char.IsAsciiHexDigit))
        {
            errors.Add(new ImageReferenceError("The digest must have at least 32 hexadecimal digits.", offset + colon + 1, hex.Length));
        }
    }
}
