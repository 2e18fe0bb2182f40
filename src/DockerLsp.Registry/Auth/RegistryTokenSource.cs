using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DockerLsp.Registry;

/// <summary>
/// The token flow Docker Hub uses: <c>GET realm?service=S&amp;scope=repository:NAME:pull</c>, anonymous or with HTTP Basic,
/// answered by <c>{"token"|"access_token", "expires_in"}</c>. Tokens are cached per <see cref="BearerTokenRequest.CacheKey"/>
/// until <c>expires_in</c> (default 60 s) has passed by the injected clock. Every token is registered with the log as
/// a secret before anything else happens with it.
/// </summary>
internal sealed class RegistryTokenSource : IRegistryTokenSource
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    private readonly RegistryTransport _transport;
    private readonly RegistryClientOptions _options;
    private readonly RateLimitBackoff _backoff;
    private readonly RegistryLog _log;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, BearerToken> _cache = new(StringComparer.Ordinal);

    public RegistryTokenSource(RegistryTransport transport, RegistryClientOptions options, RateLimitBackoff backoff, RegistryLog log, TimeProvider time)
    {
        _transport = transport;
        _options = options;
        _backoff = backoff;
        _log = log;
        _time = time;
    }

    public void Invalidate(BearerTokenRequest request) => _cache.TryRemove(request.CacheKey, out _);

    public async Task<RegistryResult<BearerToken>> GetTokenAsync(BearerTokenRequest request, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(request.CacheKey, out var cached))
        {
            if (now < cached.ExpiresAt)
            {
                return RegistryResult<BearerToken>.Success(cached, RegistryResultOrigin.MemoryCache, now);
            }

            _cache.TryRemove(KeyValuePair.Create(request.CacheKey, cached));
        }

        var realmHost = request.Realm.Authority;
        if (_backoff.Check(realmHost) is { } backingOff)
        {
            return backingOff;
        }

        var http = new RegistryRequest(HttpMethod.Get, TokenUri(request), _options.MaxTokenResponseBytes)
        {
            Accept = ["application/json"],
            Authorization = request.Credential is { } credential
                ? new AuthenticationHeaderValue("Basic", credential.ToBasicParameter())
                : null,
        };
        _log.Write($"requesting a {(request.Credential is null ? "anonymous" : "user")} token for scope '{request.Scope}' from {RegistryLog.Describe(request.Realm)}");
        var sent = await _transport.SendAsync(http, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var response = sent.Value;
        if (response.Status == HttpStatusCode.TooManyRequests)
        {
            return _backoff.RecordTooManyRequests(realmHost, response, _options);
        }

        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return RegistryError.Unauthorized(request.Credential is { } rejected
                ? $"the token service {realmHost} rejected the credentials of user '{rejected.Username}' ({(int)response.Status}); check the docker config / docker login"
                : $"the token service {realmHost} refused an anonymous token for '{request.Scope}' ({(int)response.Status}); the image may be private: run docker login");
        }

        if (!response.IsSuccess)
        {
            var detail = RegistryErrorBody.Summarize(response.Body);
            var message = $"the token service {realmHost} answered {(int)response.Status}{(detail is null ? "" : ": " + _log.Redact(detail))}";
            return (int)response.Status >= 500 ? RegistryError.Unreachable(message) : RegistryError.InvalidResponse(message);
        }

        if (!TryReadToken(response.Body, out var value, out var lifetime))
        {
            return RegistryError.InvalidResponse($"the token service {realmHost} answered 200 without a usable token in its JSON");
        }

        _log.RegisterSecret(value);
        var token = new BearerToken(value, _time.GetUtcNow() + lifetime);
        _cache[request.CacheKey] = token;
        return RegistryResult<BearerToken>.Success(token, RegistryResultOrigin.Network, _time.GetUtcNow());
    }

    /// <summary>The realm with <c>service</c> and <c>scope</c> appended to whatever query it already has.</summary>
    internal static Uri TokenUri(BearerTokenRequest request)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(request.Service))
        {
            query.Add("service=" + Uri.EscapeDataString(request.Service));
        }

        query.Add("scope=" + Uri.EscapeDataString(request.Scope));
        var builder = new UriBuilder(request.Realm);
        var existing = builder.Query.TrimStart('?');
        builder.Query = string.Join('&', existing.Length > 0 ? query.Prepend(existing) : query);
        return builder.Uri;
    }

    private static bool TryReadToken(byte[] body, out string token, out TimeSpan lifetime)
    {
        token = "";
        lifetime = DefaultLifetime;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            // Docker Hub sends both; the spec says "token", OAuth-style services only "access_token".
            foreach (var name in (ReadOnlySpan<string>)["token", "access_token"])
            {
                if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
                    && element.GetString() is { Length: > 0 } value)
                {
                    token = value;
                    break;
                }
            }

            if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number
                && expires.TryGetInt32(out var seconds) && seconds > 0)
            {
                lifetime = TimeSpan.FromSeconds(seconds);
            }

            return token.Length > 0 && token.All(c => c > ' ' && c < 127);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
