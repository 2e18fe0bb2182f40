using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace DockerLsp.Registry;

/// <summary>
/// A content digest as OCI defines it, <c>algorithm:encoded</c> (for example <c>sha256:</c> + 64 lowercase hex digits).
/// Invariant: an instance only exists for syntactically valid text, and <c>sha256</c>/<c>sha512</c> digests always have
/// exactly 64/128 lowercase hex digits, so a digest from a registry can be compared and verified byte for byte.
/// </summary>
[JsonConverter(typeof(OciDigestJsonConverter))]
public readonly record struct OciDigest
{
    private OciDigest(string algorithm, string encoded)
    {
        Algorithm = algorithm;
        Encoded = encoded;
    }

    /// <summary>The algorithm part, e.g. <c>sha256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The encoded part after the colon, e.g. 64 hex digits.</summary>
    public string Encoded { get; }

    /// <summary>True for the algorithms this client can recompute, so a fetched body can be checked against the digest.</summary>
    public bool IsVerifiable => Algorithm is "sha256" or "sha512";

    public override string ToString() => Algorithm is null ? string.Empty : Algorithm + ":" + Encoded;

    /// <summary>The sha256 digest of <paramref name="content"/>, which is how registries name manifests and blobs.</summary>
    public static OciDigest Sha256Of(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>True when <paramref name="content"/> hashes to this digest; false for other content or an algorithm this client cannot compute.</summary>
    public bool Matches(ReadOnlySpan<byte> content) => Algorithm switch
    {
        "sha256" => Convert.ToHexStringLower(SHA256.HashData(content)) == Encoded,
        "sha512" => Convert.ToHexStringLower(SHA512.HashData(content)) == Encoded,
        _ => false,
    };

    public static OciDigest Parse(string text) =>
        TryParse(text, out var digest, out var error) ? digest : throw new FormatException(error);

    /// <summary>
    /// Validates <c>algorithm ":" encoded</c> where algorithm is <c>[a-z0-9]+([+._-][a-z0-9]+)*</c> and encoded is
    /// <c>[a-zA-Z0-9=_-]+</c>; registered algorithms are held to their exact form (sha256: 64 lowercase hex, sha512: 128).
    /// </summary>
    public static bool TryParse(string? text, out OciDigest digest, [NotNullWhen(false)] out string? error)
    {
        digest = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a digest must not be empty";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"'{text}' is not a digest: expected algorithm:hex, e.g. sha256:<64 hex digits>";
            return false;
        }

        var algorithm = text[..colon];
        var encoded = text[(colon + 1)..];
        if (!IsValidAlgorithm(algorithm))
        {
            error = $"'{algorithm}' is not a valid digest algorithm";
            return false;
        }

        var expectedHexLength = algorithm switch { "sha256" => 64, "sha512" => 128, _ => 0 };
        if (expectedHexLength > 0)
        {
            if (encoded.Length != expectedHexLength || !encoded.All(IsLowerHex))
            {
                error = $"a {algorithm} digest needs exactly {expectedHexLength} lowercase hex digits, got '{encoded}'";
                return false;
            }
        }
        else if (!encoded.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '_' or '-'))
        {
            error = $"'{encoded}' is not a valid encoded digest";
            return false;
        }

        digest = new OciDigest(algorithm, encoded);
        error = null;
        return true;
    }

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    // [a-z0-9]+ ([+._-] [a-z0-9]+)*  — separators must sit between alphanumerics.
    private static bool IsValidAlgorithm(string algorithm)
    {
        var previousWasSeparator = true;
        foreach (var c in algorithm)
        {
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))
            {
                previousWasSeparator = false;
            }
            else if (c is '+' or '.' or '_' or '-' && !previousWasSeparator)
            {
                previousWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return !previousWasSeparator;
    }
}
