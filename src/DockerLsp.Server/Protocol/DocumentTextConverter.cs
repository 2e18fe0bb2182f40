using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerLsp.Server.Protocol;

/// <summary>
/// Reads a document's text (didOpen, didChange, didSave) even when it holds a lone UTF-16 surrogate escape such as
/// <c>"\ud83d"</c>, which System.Text.Json refuses to read as a string (no option allows it). Editors built on UTF-16
/// strings can send one (a character typed half way, a split emoji pasted), and refusing the whole notification would lose
/// the document. The lone surrogate is kept as the one code unit the client has, so every later position still lines up.
/// Written by hand because no serializer option or library does this; only the failing case takes this path.
/// Writing is System.Text.Json's own (it writes a lone surrogate as U+FFFD).
/// </summary>
internal sealed class DocumentTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a string for a document's text, found {reader.TokenType}.");
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // The reader has validated the escapes already; only the surrogate pairing was refused.
            return Unescape(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Unescapes the raw UTF-8 content of a JSON string whose escapes are known to be well-formed.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        var runStart = 0;
        var index = 0;
        while (index < raw.Length)
        {
            if (raw[index] != (byte)'\\')
            {
                index++;
                continue;
            }
            text.Append(Encoding.UTF8.GetString(raw[runStart..index]));
            var escape = raw[index + 1];
            if (escape == (byte)'u')
            {
                text.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(index + 2, 4)), 16));
                index += 6;
            }
            else
            {
                text.Append(escape switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escape, // \" \\ \/
                });
                index += 2;
            }
            runStart = index;
        }
        text.Append(Encoding.UTF8.GetString(raw[runStart..]));
        return text.ToString();
    }
}
