using System.Text;
using System.Text.Json;

namespace DockerLsp.Registry;

/// <summary>
/// Reads credentials the way the docker CLI stores them in <c>config.json</c>: <c>auths.&lt;host&gt;.auth</c>
/// (base64 <c>user:pass</c>) and, only when enabled, the <c>credHelpers</c>/<c>credsStore</c> helpers.
/// Never throws for a missing or malformed file (it logs and answers anonymous). The parsed file is reused while its
/// timestamp and size are unchanged.
/// </summary>
public sealed class DockerConfigCredentialStore : ICredentialStore
{
    // The key docker uses for Docker Hub in config.json and as the helper's server URL.
    private const string DockerHubConfigKey = "https://index.docker.io/v1/";

    private readonly string _configPath;
    private readonly bool _enableHelpers;
    private readonly ICredentialHelper? _helper;
    private readonly RegistryLog _log;
    private readonly Lock _gate = new();
    private (DateTime WriteTime, long Length, DockerConfig Config)? _cached;

    public DockerConfigCredentialStore(string configPath, bool enableHelpers, ICredentialHelper? helper, Action<string>? log = null)
        : this(configPath, enableHelpers, helper, new RegistryLog(log))
    {
    }

    internal DockerConfigCredentialStore(string configPath, bool enableHelpers, ICredentialHelper? helper, RegistryLog log)
    {
        _configPath = configPath;
        _enableHelpers = enableHelpers;
        _helper = helper;
        _log = log;
    }

    public async Task<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken)
    {
        var config = Load();
        if (config is null)
        {
            return null;
        }

        var hostKey = ConfigHost(registry);
        if (_enableHelpers && _helper is not null)
        {
            var helperName = config.HelperFor(hostKey) ?? config.CredsStore;
            if (helperName is not null)
            {
                var serverUrl = hostKey == "index.docker.io" ? DockerHubConfigKey : hostKey;
                var fromHelper = await _helper.GetAsync(helperName, serverUrl, cancellationToken).ConfigureAwait(false);
                if (fromHelper is not null)
                {
                    _log.RegisterSecret(fromHelper.Password);
                    _log.RegisterSecret(fromHelper.ToBasicParameter());
                    _log.Write($"using credentials for {registry} from credential helper '{helperName}'");
                    return fromHelper;
                }
            }
        }

        var credential = config.AuthFor(hostKey);
        if (credential is not null)
        {
            _log.RegisterSecret(credential.Password);
            _log.RegisterSecret(credential.ToBasicParameter());
            _log.Write($"using credentials for {registry} from {_configPath}");
        }

        return credential;
    }

    /// <summary>The host a config key names: scheme and path stripped, Docker Hub's aliases folded into <c>index.docker.io</c>.</summary>
    internal static string ConfigHost(string keyOrRegistry)
    {
        var host = keyOrRegistry;
        foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://"])
        {
            if (host.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                host = host[scheme.Length..];
            }
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        host = (slash < 0 ? host : host[..slash]).ToLowerInvariant();
        return host is "docker.io" or "registry-1.docker.io" or "registry.hub.docker.com" ? "index.docker.io" : host;
    }

    private DockerConfig? Load()
    {
        try
        {
            var info = new FileInfo(_configPath);
            if (!info.Exists)
            {
                return null;
            }

            lock (_gate)
            {
                if (_cached is { } hit && hit.WriteTime == info.LastWriteTimeUtc && hit.Length == info.Length)
                {
                    return hit.Config;
                }
            }

            var config = DockerConfig.Parse(File.ReadAllBytes(_configPath), _log, _configPath);
            lock (_gate)
            {
                _cached = (info.LastWriteTimeUtc, info.Length, config);
            }

            return config;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _log.Write($"cannot read docker config {_configPath}: {exception.Message}; continuing without credentials");
            return null;
        }
        catch (JsonException exception)
        {
            _log.Write($"docker config {_configPath} is not valid JSON ({exception.Message}); continuing without credentials");
            return null;
        }
    }

    /// <summary>The parts of config.json this store uses, with keys already normalized by <see cref="ConfigHost"/>.</summary>
    private sealed record DockerConfig(
        IReadOnlyDictionary<string, RegistryCredential> Auths,
        IReadOnlyDictionary<string, string> CredHelpers,
        string? CredsStore)
    {
        public RegistryCredential? AuthFor(string host) => Auths.GetValueOrDefault(host);

        public string? HelperFor(string host) => CredHelpers.GetValueOrDefault(host);

        public static DockerConfig Parse(byte[] json, RegistryLog log, string path)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var auths = new Dictionary<string, RegistryCredential>(StringComparer.OrdinalIgnoreCase);
            var helpers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? credsStore = null;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new DockerConfig(auths, helpers, null);
            }

            if (root.TryGetProperty("auths", out var authsElement) && authsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in authsElement.EnumerateObject())
                {
                    if (ReadAuth(entry.Value, out var credential, out var problem))
                    {
                        auths.TryAdd(ConfigHost(entry.Name), credential);
                    }
                    else if (problem is not null)
                    {
                        log.Write($"ignoring auths entry '{entry.Name}' in {path}: {problem}");
                    }
                }
            }

            if (root.TryGetProperty("credHelpers", out var helpersElement) && helpersElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in helpersElement.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.String && entry.Value.GetString() is { Length: > 0 } name)
                    {
                        helpers.TryAdd(ConfigHost(entry.Name), name);
                    }
                }
            }

            if (root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String)
            {
                credsStore = store.GetString() is { Length: > 0 } s ? s : null;
            }

            return new DockerConfig(auths, helpers, credsStore);
        }

        // "auth": base64("user:pass"), or separate "username"/"password"; "identitytoken" (OAuth refresh) is not supported.
        private static bool ReadAuth(JsonElement entry, out RegistryCredential credential, out string? problem)
        {
            credential = null!;
            problem = null;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (entry.TryGetProperty("auth", out var auth) && auth.ValueKind == JsonValueKind.String && auth.GetString() is { Length: > 0 } encoded)
            {
                string decoded;
                try
                {
                    decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                }
                catch (FormatException)
                {
                    problem = "'auth' is not base64";
                    return false;
                }

                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    problem = "'auth' does not decode to user:password";
                    return false;
                }

                credential = new RegistryCredential(decoded[..colon], decoded[(colon + 1)..]);
                return true;
            }

            if (entry.TryGetProperty("username", out var user) && user.GetString() is { Length: > 0 } username
                && entry.TryGetProperty("password", out var pass) && pass.GetString() is { } password)
            {
                credential = new RegistryCredential(username, password);
                return true;
            }

            if (entry.TryGetProperty("identitytoken", out _))
            {
                problem = "identity tokens (docker login with OAuth) are not supported; use a personal access token";
            }

            return false;
        }
    }
}
