using System.Globalization;
using System.Net;

namespace DockerLsp.Registry;

/// <summary>
/// Decides which scheme a host may be spoken to with. HTTPS always; plain HTTP only for loopback hosts
/// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>::1</c>) and registries the user listed as insecure (<c>HOST</c> or <c>HOST:PORT</c>).
/// The same rule applies to registries, token realms and redirect targets, so no path leads to plain HTTP elsewhere.
/// </summary>
internal sealed class SchemePolicy
{
    private readonly IReadOnlyList<(string Host, int? Port)> _insecure;

    public SchemePolicy(IEnumerable<string> insecureRegistries)
    {
        _insecure = insecureRegistries
            .Where(entry => !string.IsNullOrWhiteSpace(entry))
            .Select(entry => SplitAuthority(entry.Trim()))
            .ToList();
    }

    /// <summary>The base URI of a registry's API, e.g. <c>https://ghcr.io/</c> or <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri RegistryBaseUri(string registry) =>
        new((AllowsPlainHttp(registry) ? "http://" : "https://") + registry + "/");

    /// <summary>True when <paramref name="uri"/> may be requested: HTTPS, or HTTP to a loopback/insecure host.</summary>
    public bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps
        || (uri.Scheme == Uri.UriSchemeHttp && AllowsPlainHttp(uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture)));

    /// <summary>True for loopback hosts and hosts on the insecure list; <paramref name="authority"/> is host[:port].</summary>
    public bool AllowsPlainHttp(string authority)
    {
        var (host, port) = SplitAuthority(authority);
        if (IsLoopback(host))
        {
            return true;
        }

        return _insecure.Any(entry =>
            string.Equals(entry.Host, host, StringComparison.OrdinalIgnoreCase) && (entry.Port is null || entry.Port == port));
    }

    /// <summary><c>localhost</c>, any <c>127.x.y.z</c>, or <c>::1</c> (with or without brackets).</summary>
    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    private static (string Host, int? Port) SplitAuthority(string authority)
    {
        // [v6]:port, [v6], host:port, host
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close > 0)
            {
                var host = authority[..(close + 1)];
                var rest = authority[(close + 1)..];
                return (host, rest.StartsWith(':') && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null);
            }
        }

        var colon = authority.LastIndexOf(':');
        if (colon > 0 && authority.IndexOf(':', StringComparison.Ordinal) == colon
            && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return (authority[..colon], port);
        }

        return (authority, null);
    }
}
