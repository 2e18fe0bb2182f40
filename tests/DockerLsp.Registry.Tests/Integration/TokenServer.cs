using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Web;

namespace DockerLsp.Registry.Tests;

/// <summary>
/// An in-process Docker-Hub-like token service for docker-registry's <c>auth: token</c> mode (the C# twin of the e2e
/// kit's token-server.py): <c>GET /token?service=&amp;scope=</c> answers <c>{"token","access_token","expires_in","issued_at"}</c>
/// with an RS256 JWT carrying its self-signed certificate in <c>x5c</c>. Anonymous callers get pull only; callers with the
/// right HTTP Basic credentials get what they ask for; wrong credentials get 401. Every request is recorded.
/// </summary>
internal sealed class TokenServer : IAsyncDisposable
{
    public const string Issuer = "dockerlsp-test-issuer";
    public const string Service = "dockerlsp-test-registry";
    public const string User = "e2e";
    public const string Password = "e2e-password";

    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly LoopbackHttpServer _http;
    private readonly ConcurrentQueue<TokenRequestRecord> _requests = new();
    private readonly ConcurrentQueue<string> _issued = new();

    public TokenServer()
    {
        var request = new CertificateRequest("CN=" + Issuer, _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        _http = new LoopbackHttpServer(Handle);
    }

    /// <summary>PEM of the signing certificate, for the registry's <c>rootcertbundle</c>.</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    public Uri Realm => new(_http.BaseUri, "token");

    public IReadOnlyList<TokenRequestRecord> Requests => [.. _requests];

    /// <summary>Every token handed out, so tests can check none of them reached a log.</summary>
    public IReadOnlyList<string> IssuedTokens => [.. _issued];

    public async ValueTask DisposeAsync()
    {
        await _http.DisposeAsync();
        _certificate.Dispose();
        _key.Dispose();
    }

    /// <summary>A token as the pusher needs it (Basic credentials, pull+push).</summary>
    public async Task<string> GetPushTokenAsync(HttpClient http, string repository)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Realm}?service={Service}&scope=repository:{repository}:pull,push");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private LoopbackResponse Handle(LoopbackRequest request)
    {
        if (request.Path != "/token")
        {
            return LoopbackResponse.Json(404, """{"details":"not found"}""");
        }

        var query = HttpUtility.ParseQueryString(request.Query);
        var scopes = (query.GetValues("scope") ?? []).SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        string? user = null;
        if (request.Header("Authorization") is { } authorization && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            if (decoded != User + ":" + Password)
            {
                _requests.Enqueue(new TokenRequestRecord(query["service"], scopes, decoded.Split(':')[0], "bad credentials"));
                return LoopbackResponse.Json(401, """{"details":"incorrect username or password"}""", ("WWW-Authenticate", "Basic realm=\"token\""));
            }

            user = User;
        }

        var access = scopes.Select(ParseScope).OfType<Access>()
            .Select(a => user is null ? a with { Actions = a.Actions.Where(x => x == "pull").ToArray() } : a)
            .ToList();
        _requests.Enqueue(new TokenRequestRecord(query["service"], scopes, user, null));
        var token = Sign(query["service"] ?? Service, user ?? "", access);
        _issued.Enqueue(token);
        var issued = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return LoopbackResponse.Json(200, JsonSerializer.Serialize(new { token, access_token = token, expires_in = 300, issued_at = issued }));
    }

    private string Sign(string audience, string subject, IReadOnlyList<Access> access)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { typ = "JWT", alg = "RS256", x5c = new[] { Convert.ToBase64String(_certificate.RawData) } };
        var claims = new
        {
            iss = Issuer,
            sub = subject,
            aud = audience,
            exp = now + 300,
            nbf = now - 5,
            iat = now,
            jti = Guid.NewGuid().ToString("N"),
            access = access.Select(a => new { type = a.Type, name = a.Name, actions = a.Actions }),
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    // repository:<name>:<actions>; the name may hold a host:port, so split from the right.
    private static Access? ParseScope(string scope)
    {
        var first = scope.IndexOf(':', StringComparison.Ordinal);
        var last = scope.LastIndexOf(':');
        return first < 0 || last <= first
            ? null
            : new Access(scope[..first], scope[(first + 1)..last], scope[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>One JWT access claim: resource type, name and granted actions.</summary>
    private sealed record Access(string Type, string Name, string[] Actions);
}

/// <summary>One request to the token server: what was asked, by whom (null = anonymous), and any refusal.</summary>
internal sealed record TokenRequestRecord(string? Service, IReadOnlyList<string> Scopes, string? User, string? Error);
