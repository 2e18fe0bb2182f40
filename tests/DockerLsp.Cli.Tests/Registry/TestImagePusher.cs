using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

using DockerLsp.Registry;

namespace DockerLsp.Cli.Tests.Registry;

/// <summary>
/// Pushes a small deterministic image over the distribution API with plain HttpClient, the way the e2e kit's
/// registry-push.sh does with curl: one gzip layer, amd64 and arm64/v8 configs; blobs by POST upload + PUT ?digest=;
/// manifests by PUT with their media type. Tags: <c>tag</c> = OCI index, <c>tag-amd64</c> = OCI manifest,
/// <c>tag-docker</c> = Docker manifest list of schema2 manifests. Checks every Docker-Content-Digest the registry
/// reports against the sha256 of the bytes sent.
/// </summary>
internal sealed class TestImagePusher
{
    private const string OciConfig = "application/vnd.oci.image.config.v1+json";
    private const string OciLayer = "application/vnd.oci.image.layer.v1.tar+gzip";
    private const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    private const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly string? _bearer;

    public TestImagePusher(HttpClient http, Uri registryBase, string? bearerToken = null)
    {
        _http = http;
        _base = registryBase;
        _bearer = bearerToken;
    }

    public async Task<PushedImage> PushAsync(string name, string tag)
    {
        var (layerTar, layer) = Layer();
        var diffId = OciDigest.Sha256Of(layerTar);
        await UploadBlobAsync(name, layer);

        var oci = new Dictionary<string, byte[]>();
        var docker = new Dictionary<string, byte[]>();
        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            var variant = architecture == "arm64" ? ",\"variant\":\"v8\"" : "";
            var config = Encoding.UTF8.GetBytes(
                $$"""{"architecture":"{{architecture}}"{{variant}},"os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["cat","/hello.txt"]},"rootfs":{"type":"layers","diff_ids":["{{diffId}}"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"dockerlsp tests"}]}""");
            await UploadBlobAsync(name, config);
            oci[architecture] = ManifestJson(MediaTypes.OciManifest, OciConfig, config, OciLayer, layer);
            docker[architecture] = ManifestJson(MediaTypes.DockerManifest, DockerConfig, config, DockerLayer, layer);
            await PutManifestAsync(name, oci[architecture], MediaTypes.OciManifest, OciDigest.Sha256Of(oci[architecture]).ToString());
            await PutManifestAsync(name, docker[architecture], MediaTypes.DockerManifest, OciDigest.Sha256Of(docker[architecture]).ToString());
        }

        await PutManifestAsync(name, oci["amd64"], MediaTypes.OciManifest, tag + "-amd64");
        var index = ListJson(MediaTypes.OciIndex, MediaTypes.OciManifest, oci);
        await PutManifestAsync(name, index, MediaTypes.OciIndex, tag);
        var list = ListJson(MediaTypes.DockerManifestList, MediaTypes.DockerManifest, docker);
        await PutManifestAsync(name, list, MediaTypes.DockerManifestList, tag + "-docker");

        return new PushedImage(
            name,
            tag,
            index,
            OciDigest.Sha256Of(index),
            OciDigest.Sha256Of(list),
            OciDigest.Sha256Of(oci["amd64"]),
            OciDigest.Sha256Of(oci["arm64"]),
            OciDigest.Sha256Of(docker["amd64"]));
    }

    /// <summary>Pushes the same OCI manifest under extra tags (for pagination tests).</summary>
    public async Task TagAsync(string name, byte[] manifest, string mediaType, IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            await PutManifestAsync(name, manifest, mediaType, tag);
        }
    }

    private static (byte[] Tar, byte[] Gzip) Layer()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var content = Encoding.UTF8.GetBytes("hello from the dockerlsp registry tests\n");
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "hello.txt")
            {
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                DataStream = new MemoryStream(content),
            });
        }

        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            compressor.Write(tar.ToArray());
        }

        return (tar.ToArray(), gzip.ToArray());
    }

    private static byte[] ManifestJson(string mediaType, string configType, byte[] config, string layerType, byte[] layer) => Encoding.UTF8.GetBytes(
        $$"""{"schemaVersion":2,"mediaType":"{{mediaType}}","config":{"mediaType":"{{configType}}","digest":"{{OciDigest.Sha256Of(config)}}","size":{{config.Length}}},"layers":[{"mediaType":"{{layerType}}","digest":"{{OciDigest.Sha256Of(layer)}}","size":{{layer.Length}}}]}""");

    private static byte[] ListJson(string listType, string entryType, Dictionary<string, byte[]> manifests)
    {
        string Entry(string architecture, string platformExtra) =>
            $$"""{"mediaType":"{{entryType}}","digest":"{{OciDigest.Sha256Of(manifests[architecture])}}","size":{{manifests[architecture].Length}},"platform":{"architecture":"{{architecture}}","os":"linux"{{platformExtra}}""" + "}}";

        return Encoding.UTF8.GetBytes(
            $$"""{"schemaVersion":2,"mediaType":"{{listType}}","manifests":[""" + Entry("amd64", "") + "," + Entry("arm64", ",\"variant\":\"v8\"") + "]}");
    }

    private async Task UploadBlobAsync(string name, byte[] blob)
    {
        var digest = OciDigest.Sha256Of(blob);
        using var start = Request(HttpMethod.Post, new Uri(_base, $"v2/{name}/blobs/uploads/"));
        using var started = await _http.SendAsync(start);
        await ExpectAsync(HttpStatusCode.Accepted, started, "blob upload POST");
        var location = new Uri(_base, started.Headers.Location!);
        var separator = location.Query.Length > 0 ? "&" : "?";
        using var put = Request(HttpMethod.Put, new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest.ToString())));
        put.Content = new ByteArrayContent(blob);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await _http.SendAsync(put);
        await ExpectAsync(HttpStatusCode.Created, done, "blob PUT " + digest);
    }

    private async Task PutManifestAsync(string name, byte[] manifest, string mediaType, string reference)
    {
        using var put = Request(HttpMethod.Put, new Uri(_base, $"v2/{name}/manifests/{reference}"));
        put.Content = new ByteArrayContent(manifest);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _http.SendAsync(put);
        await ExpectAsync(HttpStatusCode.Created, response, $"manifest PUT {name}:{reference}");
        var reported = response.Headers.GetValues("Docker-Content-Digest").Single();
        if (reported != OciDigest.Sha256Of(manifest).ToString())
        {
            throw new InvalidOperationException($"registry reported {reported} for {name}:{reference}, expected {OciDigest.Sha256Of(manifest)}");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        if (_bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearer);
        }

        return request;
    }

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>What was pushed, with the digests computed locally from the exact bytes sent.</summary>
internal sealed record PushedImage(
    string Name,
    string Tag,
    byte[] IndexBytes,
    OciDigest IndexDigest,
    OciDigest DockerListDigest,
    OciDigest Amd64ManifestDigest,
    OciDigest Arm64ManifestDigest,
    OciDigest DockerAmd64ManifestDigest);
