using System.Text;

namespace DockerLsp.Registry.Tests;

/// <summary>Small, valid manifests, indexes and configs for unit tests, with their digests.</summary>
internal static class Sample
{
    public static readonly byte[] ConfigAmd64 = Encoding.UTF8.GetBytes(
        """{"architecture":"amd64","os":"linux","created":"2024-05-01T10:20:30Z","config":{}}""");

    public static readonly byte[] ConfigArm64 = Encoding.UTF8.GetBytes(
        """{"architecture":"arm64","variant":"v8","os":"linux","created":"2024-05-02T00:00:00Z","config":{}}""");

    public static readonly byte[] ManifestAmd64 = Manifest(ConfigAmd64);

    public static readonly byte[] ManifestArm64 = Manifest(ConfigArm64);

    public static readonly byte[] Index = Encoding.UTF8.GetBytes(
        "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OciIndex + "\",\"manifests\":["
        + Entry(ManifestAmd64, "amd64", null) + "," + Entry(ManifestArm64, "arm64", "v8") + ","
        + $$"""{"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{OciDigest.Sha256Of("att"u8)}}","size":3,"platform":{"os":"unknown","architecture":"unknown"},"annotations":{"vnd.docker.reference.type":"attestation-manifest"}""" + "}]}");

    public static OciDigest IndexDigest => OciDigest.Sha256Of(Index);

    private static byte[] Manifest(byte[] config) => Encoding.UTF8.GetBytes(
        $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{OciDigest.Sha256Of(config)}}","size":{{config.Length}}},"layers":[]}""");

    private static string Entry(byte[] manifest, string architecture, string? variant)
    {
        var platform = variant is null
            ? $$"""{"architecture":"{{architecture}}","os":"linux"}"""
            : $$"""{"architecture":"{{architecture}}","os":"linux","variant":"{{variant}}"}""";
        return $$"""{"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{OciDigest.Sha256Of(manifest)}}","size":{{manifest.Length}},"platform":""" + platform + "}";
    }

    /// <summary>
    /// An in-memory registry for <c>example.test/team/app</c> (tags <c>1.0</c> → index, <c>1.0-amd64</c> → manifest)
    /// that serves manifests and blobs by digest, optionally behind a check of the Authorization header.
    /// </summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Registry(Func<HttpRequestMessage, HttpResponseMessage?>? gate = null) => request =>
    {
        if (gate?.Invoke(request) is { } refused)
        {
            return refused;
        }

        var path = request.RequestUri!.AbsolutePath;
        const string prefix = "/v2/team/app/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Respond.NotFound();
        }

        var rest = path[prefix.Length..];
        (byte[] Body, string Type)? found = rest switch
        {
            "manifests/1.0" => (Index, MediaTypes.OciIndex),
            "manifests/1.0-amd64" => (ManifestAmd64, MediaTypes.OciManifest),
            _ when rest == "manifests/" + OciDigest.Sha256Of(Index) => (Index, MediaTypes.OciIndex),
            _ when rest == "manifests/" + OciDigest.Sha256Of(ManifestAmd64) => (ManifestAmd64, MediaTypes.OciManifest),
            _ when rest == "manifests/" + OciDigest.Sha256Of(ManifestArm64) => (ManifestArm64, MediaTypes.OciManifest),
            _ when rest == "blobs/" + OciDigest.Sha256Of(ConfigAmd64) => (ConfigAmd64, "application/octet-stream"),
            _ when rest == "blobs/" + OciDigest.Sha256Of(ConfigArm64) => (ConfigArm64, "application/octet-stream"),
            _ => null,
        };
        return found is { } hit ? Respond.Manifest(request, hit.Body, hit.Type) : Respond.NotFound();
    };
}
