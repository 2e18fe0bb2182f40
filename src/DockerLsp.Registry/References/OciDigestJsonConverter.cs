using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerLsp.Registry;

/// <summary>
/// Writes an <see cref="OciDigest"/> as its string form and re-validates it on read, so a tampered cache file
/// cannot smuggle an invalid digest back into the client.
/// </summary>
public sealed class OciDigestJsonConverter : JsonConverter<OciDigest>
{
    public override OciDigest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return OciDigest.TryParse(text, out var digest, out var error) ? digest : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, OciDigest value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
