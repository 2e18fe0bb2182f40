using System.Buffers;
using System.Text;
using System.Text.Json;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Tests.Protocol;

/// <summary>A document's text is read whole, lone surrogates included, as the one UTF-16 code unit the client has.</summary>
public sealed class DocumentTextConverterTests
{
    private const string Escaped = "FROM a\\ud83d x\\n\\\"q\\\"\\\\\\/\\t\\u00e9 ü\\ud83d\\ude00\\ude00";
    private const string Expected = "FROM a\ud83d x\n\"q\"\\/\té ü\ud83d\ude00\ude00";

    [Fact]
    public void ProtocolTypesKeepLoneSurrogatesOfOpenedAndChangedText()
    {
        var opened = JsonSerializer.Deserialize<DidOpenTextDocumentParams>(
            $$$"""{"textDocument":{"uri":"file:///a","languageId":"dockerfile","version":1,"text":"{{{Escaped}}}"}}""", LspJson.Options)!;
        Assert.Equal(Expected, opened.TextDocument.Text);
        var changed = JsonSerializer.Deserialize<DidChangeTextDocumentParams>(
            $$$"""{"textDocument":{"uri":"file:///a","version":2},"contentChanges":[{"text":"{{{Escaped}}}"}]}""", LspJson.Options)!;
        Assert.Equal(Expected, changed.ContentChanges[0].Text);
    }

    [Fact]
    public void TextWithoutLoneSurrogatesReadsAsSystemTextJsonReadsIt()
    {
        var json = "\"plain \\u0041\\ud83d\\ude00 é\"";
        Assert.Equal(JsonSerializer.Deserialize<string>(json), Read(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void TextSpreadOverSeveralBuffersIsReadWhole()
    {
        var bytes = Encoding.UTF8.GetBytes($"\"{Escaped}\"");
        var first = new Segment(bytes.AsMemory(0, 9));
        var last = first.Append(bytes.AsMemory(9));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();
        Assert.True(reader.HasValueSequence);
        Assert.Equal(Expected, new DocumentTextConverter().Read(ref reader, typeof(string), LspJson.Options));
    }

    [Fact]
    public void ANonStringTextIsAJsonError()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TextDocumentItem>(
            """{"uri":"file:///a","languageId":"dockerfile","version":1,"text":42}""", LspJson.Options));
    }

    private static string? Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return new DocumentTextConverter().Read(ref reader, typeof(string), LspJson.Options);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
