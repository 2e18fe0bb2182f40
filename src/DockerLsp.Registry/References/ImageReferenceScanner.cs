using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DockerLsp.Registry;

/// <summary>
/// Splits and validates an image reference by hand, following the grammar of distribution/reference:
/// <c>[domain "/"] path-component ("/" path-component)* [":" tag] ["@" digest]</c>.
/// Each part gets its own small check so an error can say exactly which part is wrong.
/// </summary>
internal static class ImageReferenceScanner
{
    // distribution/reference caps the name (domain + path) at 255 characters.
    private const int MaxNameLength = 255;
    private const int MaxTagLength = 128;

    public static bool TryParse(
        string? reference,
        [NotNullWhen(true)] out RegistryImageName? name,
        [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (string.IsNullOrEmpty(reference))
        {
            error = "the image reference is empty";
            return false;
        }

        if (reference.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"the image reference '{reference}' contains whitespace or control characters";
            return false;
        }

        var remainder = reference;
        OciDigest? digest = null;
        var at = remainder.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!OciDigest.TryParse(remainder[(at + 1)..], out var parsed, out var digestError))
            {
                error = $"invalid digest in '{reference}': {digestError}";
                return false;
            }

            digest = parsed;
            remainder = remainder[..at];
        }

        // A colon after the last slash starts the tag; a colon before it belongs to a host:port.
        string? tag = null;
        var lastSlash = remainder.LastIndexOf('/');
        var tagColon = remainder.IndexOf(':', lastSlash + 1);
        if (tagColon >= 0)
        {
            tag = remainder[(tagColon + 1)..];
            remainder = remainder[..tagColon];
            if (!IsValidTag(tag))
            {
                error = $"invalid tag '{tag}' in '{reference}': a tag is 1-128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'";
                return false;
            }
        }

        if (remainder.Length == 0)
        {
            error = $"'{reference}' has no repository name";
            return false;
        }

        if (remainder.Length > MaxNameLength)
        {
            error = $"the repository name in '{reference}' is longer than {MaxNameLength} characters";
            return false;
        }

        var (domain, path) = SplitDomain(remainder);
        if (domain is not null && !IsValidDomain(domain, out var domainError))
        {
            error = $"invalid registry host '{domain}' in '{reference}': {domainError}";
            return false;
        }

        var registry = domain ?? RegistryImageName.DockerHubRegistry;
        if (IsDockerHubAlias(registry))
        {
            registry = RegistryImageName.DockerHubRegistry;
            // Official images live under library/ on Docker Hub.
            if (!path.Contains('/', StringComparison.Ordinal))
            {
                path = "library/" + path;
            }
        }

        if (!IsValidPath(path, out var pathError))
        {
            error = $"invalid repository '{path}' in '{reference}': {pathError}";
            return false;
        }

        if (tag is null && digest is null)
        {
            tag = "latest";
        }

        name = new RegistryImageName(registry, path, tag, digest);
        error = null;
        return true;
    }

    /// <summary><c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>.</summary>
    public static bool IsValidTag(string tag)
    {
        if (tag.Length is 0 or > MaxTagLength || !IsWordChar(tag[0]))
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!IsWordChar(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // Like distribution/reference: the first component is a domain when it contains '.' or ':',
    // is "localhost", or has uppercase letters (which a repository path cannot have).
    private static (string? Domain, string Path) SplitDomain(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (null, name);
        }

        var first = name[..slash];
        var isDomain = first.Contains('.', StringComparison.Ordinal)
            || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost"
            || first.Any(char.IsAsciiLetterUpper);
        return isDomain ? (first, name[(slash + 1)..]) : (null, name);
    }

    private static bool IsDockerHubAlias(string domain) =>
        domain is "docker.io" or "index.docker.io" or RegistryImageName.DockerHubRegistry;

    private static bool IsValidDomain(string domain, [NotNullWhen(false)] out string? error)
    {
        string host;
        string? port = null;
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "an IPv6 address needs a closing ']'";
                return false;
            }

            host = domain[1..close];
            var rest = domain[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    error = "unexpected text after the IPv6 address";
                    return false;
                }

                port = rest[1..];
            }

            if (!System.Net.IPAddress.TryParse(host, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                error = $"'{host}' is not an IPv6 address";
                return false;
            }
        }
        else
        {
            var colon = domain.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? domain : domain[..colon];
            port = colon < 0 ? null : domain[(colon + 1)..];
            if (!IsValidHostName(host))
            {
                error = "a host is dot-separated labels of letters, digits and '-' (not at either end of a label)";
                return false;
            }
        }

        if (port is not null && !IsValidPort(port))
        {
            error = $"'{port}' is not a port number";
            return false;
        }

        error = null;
        return true;
    }

    private static bool IsValidHostName(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidPort(string port) =>
        port.Length is > 0 and <= 5
        && port.All(char.IsAsciiDigit)
        && int.Parse(port, CultureInfo.InvariantCulture) is > 0 and <= 65535;

    // path-component: [a-z0-9]+ (separator [a-z0-9]+)* with separator = "." | "_" | "__" | "-"+
    private static bool IsValidPath(string path, [NotNullWhen(false)] out string? error)
    {
        foreach (var component in path.Split('/'))
        {
            if (component.Length == 0)
            {
                error = "empty path component (two slashes or a slash at an end)";
                return false;
            }

            if (component.Any(char.IsAsciiLetterUpper))
            {
                error = $"repository names must be lowercase ('{component}')";
                return false;
            }

            if (!IsValidPathComponent(component))
            {
                error = $"'{component}' may hold only a-z, 0-9 and the separators '.', '_', '__', '-', which must sit between letters or digits";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool IsValidPathComponent(string component)
    {
        var i = 0;
        while (true)
        {
            var alphanumericStart = i;
            while (i < component.Length && IsLowerAlphanumeric(component[i]))
            {
                i++;
            }

            if (i == alphanumericStart)
            {
                return false; // a separator at the start, at the end, or two separators in a row
            }

            if (i == component.Length)
            {
                return true;
            }

            switch (component[i])
            {
                case '.':
                    i++;
                    break;
                case '_':
                    i += i + 1 < component.Length && component[i + 1] == '_' ? 2 : 1;
                    break;
                case '-':
                    while (i < component.Length && component[i] == '-')
                    {
                        i++;
                    }

                    break;
                default:
                    return false;
            }
        }
    }

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
