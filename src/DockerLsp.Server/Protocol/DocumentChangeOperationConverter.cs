using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerLsp.Server.Protocol;

/// <summary>
/// Writes a <see cref="DocumentChangeOperation"/> as its derived type and reads one by LSP's rule: an object with a
/// <c>kind</c> is a resource operation (only <c>create</c> is one of ours), any other is a <see cref="TextDocumentEdit"/>.
/// System.Text.Json's polymorphism needs a type discriminator to read, which LSP does not have; so this is written by hand.
/// </summary>
internal sealed class DocumentChangeOperationConverter : JsonConverter<DocumentChangeOperation>
{
    public override DocumentChangeOperation? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        if (element.ValueKind != JsonValueKind.Object) throw new JsonException("A document change must be an object.");
        if (!element.TryGetProperty("kind", out var kind)) return element.Deserialize(LspJsonContext.Default.TextDocumentEdit);
        return kind.ValueKind == JsonValueKind.String && kind.ValueEquals("create")
            ? element.Deserialize(LspJsonContext.Default.CreateFile)
            : throw new JsonException("Only the 'create' resource operation is supported.");
    }

    public override void Write(Utf8JsonWriter writer, DocumentChangeOperation value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case TextDocumentEdit edit: JsonSerializer.Serialize(writer, edit, LspJsonContext.Default.TextDocumentEdit); break;
            case CreateFile create: JsonSerializer.Serialize(writer, create, LspJsonContext.Default.CreateFile); break;
            default: throw new JsonException($"Unknown document change {value.GetType().Name}.");
        }
    }
}
