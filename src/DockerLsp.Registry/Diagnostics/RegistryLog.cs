using System.Collections.Concurrent;

namespace DockerLsp.Registry;

/// <summary>
/// The client's only way to emit diagnostics: wraps the caller's optional callback and scrubs every message.
/// Messages are written so they never contain secrets (no headers, no token bodies, URIs without user info);
/// as a second line of defence every secret the client handled (tokens, passwords, Basic blobs) is registered here
/// and replaced by <c>***</c> if it ever appears. A throwing callback is ignored: logging must not break resolution.
/// </summary>
internal sealed class RegistryLog
{
    // Bounded so a long-running language server does not accumulate every token it ever saw.
    private const int MaxRememberedSecrets = 512;
    private readonly Action<string>? _sink;
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    public RegistryLog(Action<string>? sink) => _sink = sink;

    public static RegistryLog None { get; } = new(null);

    public bool IsEnabled => _sink is not null;

    /// <summary>Remembers a secret so it is scrubbed from any later message. Very short values are ignored (they would mangle text).</summary>
    public void RegisterSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        if (_secrets.Count >= MaxRememberedSecrets)
        {
            _secrets.Clear();
        }

        _secrets.TryAdd(secret, 0);
    }

    public void Write(string message)
    {
        if (_sink is null)
        {
            return;
        }

        try
        {
            _sink("registry: " + Redact(message));
        }
#pragma warning disable CA1031 // a faulty log sink must not turn a lookup into a crash
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Replaces registered secrets and anything following an auth scheme keyword.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets.Keys)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return RedactAuthorizationValues(text);
    }

    // "Bearer abc" / "Basic abc" anywhere in a message (e.g. echoed by a registry error body) loses its credential.
    private static string RedactAuthorizationValues(string text)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "Basic "])
        {
            var start = 0;
            while ((start = text.IndexOf(scheme, start, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var valueStart = start + scheme.Length;
                var valueEnd = valueStart;
                while (valueEnd < text.Length && !char.IsWhiteSpace(text[valueEnd]) && text[valueEnd] is not ',' and not '"')
                {
                    valueEnd++;
                }

                // Challenges ("Bearer realm=...") are not secrets; only opaque values are.
                var value = text.AsSpan(valueStart, valueEnd - valueStart);
                if (value.Length > 0 && !IsChallengeParameter(value, text, valueEnd))
                {
                    text = string.Concat(text.AsSpan(0, valueStart), "***", text.AsSpan(valueEnd));
                    valueEnd = valueStart + 3;
                }

                start = valueEnd;
            }
        }

        return text;
    }

    // "realm=\"...\"" or "scope=repo" is a challenge parameter; "YWI=" (base64 padding) is not.
    private static bool IsChallengeParameter(ReadOnlySpan<char> value, string text, int valueEnd)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        foreach (var c in value[..equals])
        {
            if (!char.IsAsciiLetter(c) && c != '_')
            {
                return false;
            }
        }

        return equals + 1 < value.Length
            ? value[equals + 1] != '='
            : valueEnd < text.Length && text[valueEnd] == '"';
    }

    /// <summary>A URI for messages: scheme, host, port, path and query, never user info.</summary>
    public static string Describe(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped) : uri.ToString();
}
