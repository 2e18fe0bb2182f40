using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace DockerLsp.Registry;

/// <summary>
/// Authentication and rate limits for requests to a registry. A 401 is answered by parsing <c>WWW-Authenticate</c>,
/// obtaining a bearer token (anonymous or with the user's credentials) or using HTTP Basic, and retrying exactly once.
/// The challenge is remembered per registry so later requests send a cached token up front instead of collecting
/// another 401. A 429 puts the registry into backoff; while backing off nothing is sent to it.
/// </summary>
public sealed partial class RegistryClient
{
    private readonly ConcurrentDictionary<string, KnownAuth> _knownAuth = new(StringComparer.OrdinalIgnoreCase);

    private async Task<RegistryResult<RegistryResponse>> SendToRegistryAsync(
        RegistryImageName image, HttpMethod method, Uri uri, IReadOnlyList<string> accept, CancellationToken cancellationToken)
    {
        var host = image.Registry;
        if (_options.Offline)
        {
            return RegistryError.Offline($"offline mode: not contacting {image.DisplayRegistry}");
        }

        if (_backoff.Check(host) is { } backingOff)
        {
            return backingOff;
        }

        var scope = $"repository:{image.Repository}:pull";
        var request = new RegistryRequest(method, uri, _options.MaxManifestBytes) { Accept = accept };
        var (authorization, usedToken) = await PreemptiveAuthorizationAsync(host, scope, cancellationToken).ConfigureAwait(false);
        var first = await SendCheckedAsync(host, request with { Authorization = authorization }, cancellationToken).ConfigureAwait(false);
        if (!first.IsSuccess || first.Value.Status != HttpStatusCode.Unauthorized)
        {
            return first;
        }

        if (!AuthChallengeParser.TryParse(first.Value.Headers("WWW-Authenticate"), out var challenges, out var parseError))
        {
            return RegistryError.InvalidResponse(
                $"{image.DisplayRegistry} requires authentication but its challenge cannot be understood: {_log.Redact(parseError)}");
        }

        var retry = await AuthorizationForChallengeAsync(image, scope, challenges, usedToken, authorization, cancellationToken).ConfigureAwait(false);
        if (!retry.IsSuccess)
        {
            return retry.Error;
        }

        var second = await SendCheckedAsync(host, request with { Authorization = retry.Value }, cancellationToken).ConfigureAwait(false);
        if (second.IsSuccess && second.Value.Status == HttpStatusCode.Unauthorized)
        {
            var detail = RegistryErrorBody.Summarize(second.Value.Body);
            return RegistryError.Unauthorized(
                $"{image.DisplayRegistry} refused access to {image.Repository} even after authenticating{(detail is null ? "" : " (" + _log.Redact(detail) + ")")}; check your credentials (docker login)");
        }

        return second;
    }

    /// <summary>Sends through the transport and turns a 429 into backoff plus a RateLimited error.</summary>
    private async Task<RegistryResult<RegistryResponse>> SendCheckedAsync(string host, RegistryRequest request, CancellationToken cancellationToken)
    {
        var sent = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (sent.IsSuccess && sent.Value.Status == HttpStatusCode.TooManyRequests)
        {
            return _backoff.RecordTooManyRequests(host, sent.Value, _options);
        }

        return sent;
    }

    /// <summary>Credentials to send before being asked, from what earlier challenges of this registry taught us.</summary>
    private async Task<(AuthenticationHeaderValue? Header, BearerTokenRequest? Token)> PreemptiveAuthorizationAsync(
        string host, string scope, CancellationToken cancellationToken)
    {
        if (!_knownAuth.TryGetValue(host, out var known))
        {
            return (null, null);
        }

        var credential = await GetCredentialAsync(host, cancellationToken).ConfigureAwait(false);
        if (known.Realm is null)
        {
            return (credential is null ? null : new AuthenticationHeaderValue("Basic", credential.ToBasicParameter()), null);
        }

        var tokenRequest = new BearerTokenRequest(known.Realm, known.Service, scope, credential);
        var token = await GetTokenAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
        // A failure here is not final: the request goes out without a token and the 401 path reports properly.
        return token.IsSuccess ? (new AuthenticationHeaderValue("Bearer", token.Value.Value), tokenRequest) : (null, null);
    }

    private async Task<RegistryResult<AuthenticationHeaderValue>> AuthorizationForChallengeAsync(
        RegistryImageName image,
        string scope,
        IReadOnlyList<AuthChallenge> challenges,
        BearerTokenRequest? rejectedToken,
        AuthenticationHeaderValue? sentAuthorization,
        CancellationToken cancellationToken)
    {
        var host = image.Registry;
        var credential = await GetCredentialAsync(host, cancellationToken).ConfigureAwait(false);
        if (challenges.FirstOrDefault(c => c.IsBearer) is { } bearer)
        {
            if (!Uri.TryCreate(bearer["realm"], UriKind.Absolute, out var realm) || (realm.Scheme != Uri.UriSchemeHttps && realm.Scheme != Uri.UriSchemeHttp))
            {
                return RegistryError.InvalidResponse(
                    $"{image.DisplayRegistry} sent a Bearer challenge without a valid realm URL ('{bearer["realm"] ?? "missing"}')");
            }

            var service = bearer["service"];
            _knownAuth[host] = new KnownAuth(realm, service);
            var tokenRequest = new BearerTokenRequest(realm, service, scope, credential);
            if (rejectedToken is not null)
            {
                _tokens.Invalidate(rejectedToken);
            }

            var token = await GetTokenAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
            return token.IsSuccess
                ? RegistryResult<AuthenticationHeaderValue>.Success(new AuthenticationHeaderValue("Bearer", token.Value.Value), RegistryResultOrigin.Network, _time.GetUtcNow())
                : token.Error;
        }

        if (challenges.Any(c => c.IsBasic))
        {
            _knownAuth[host] = new KnownAuth(null, null);
            if (credential is null)
            {
                return RegistryError.Unauthorized(
                    $"{image.DisplayRegistry} requires a username and password, and the docker config has none for it (run docker login {image.DisplayRegistry})");
            }

            if (sentAuthorization?.Scheme == "Basic")
            {
                return RegistryError.Unauthorized($"{image.DisplayRegistry} rejected the username and password of user '{credential.Username}'");
            }

            return RegistryResult<AuthenticationHeaderValue>.Success(
                new AuthenticationHeaderValue("Basic", credential.ToBasicParameter()), RegistryResultOrigin.Network, _time.GetUtcNow());
        }

        return RegistryError.Unauthorized(
            $"{image.DisplayRegistry} asks for an authentication scheme this client does not support ({string.Join(", ", challenges.Select(c => c.Scheme))})");
    }

    // Whatever store or token source is plugged in, its secrets are known to the log before they are used.
    private async Task<RegistryCredential?> GetCredentialAsync(string host, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetCredentialAsync(host, cancellationToken).ConfigureAwait(false);
        if (credential is not null)
        {
            _log.RegisterSecret(credential.Password);
            _log.RegisterSecret(credential.ToBasicParameter());
        }

        return credential;
    }

    private async Task<RegistryResult<BearerToken>> GetTokenAsync(BearerTokenRequest request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(request, cancellationToken).ConfigureAwait(false);
        if (token.IsSuccess)
        {
            _log.RegisterSecret(token.Value.Value);
        }

        return token;
    }

    /// <summary>How a registry authenticates: a bearer realm (and service), or HTTP Basic when <see cref="Realm"/> is null.</summary>
    private sealed record KnownAuth(Uri? Realm, string? Service);
}
