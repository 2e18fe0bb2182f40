using System.Text.Encodings.Web;
using System.Text.Json;
using DockerLsp.Syntax;

namespace DockerLsp.Cli.Commands.Parse;

/// <summary>
/// Streams a tree as <c>{"diagnostics":[...],"root":NODE}</c> with <see cref="Utf8JsonWriter"/>. A node is
/// <c>{"kind","start","length","children"}</c> (full span, UTF-16 offsets); a token is
/// <c>{"kind","text","leading","trailing"}</c> (plus <c>"missing":true</c> for a token the parser invented); trivia is
/// <c>{"kind","text"}</c>. Children are in document order, so concatenating every leading trivia, token text and
/// trailing trivia reproduces the file exactly. Output is flushed in chunks, so memory stays flat for large files.
/// </summary>
public static class JsonTreeWriter
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonEncodedText s_diagnostics = JsonEncodedText.Encode("diagnostics");
    private static readonly JsonEncodedText s_root = JsonEncodedText.Encode("root");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText s_message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText s_kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText s_start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText s_length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText s_children = JsonEncodedText.Encode("children");
    private static readonly JsonEncodedText s_text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText s_leading = JsonEncodedText.Encode("leading");
    private static readonly JsonEncodedText s_trailing = JsonEncodedText.Encode("trailing");
    private static readonly JsonEncodedText s_missing = JsonEncodedText.Encode("missing");

    // Kind names are written thousands of times per file; encode each once.
    private static readonly Dictionary<SyntaxKind, JsonEncodedText> s_kindNames =
        Enum.GetValues<SyntaxKind>().Distinct().ToDictionary(kind => kind, kind => JsonEncodedText.Encode(kind.ToString()));

    // The output is for programs, not HTML pages: keep '<', '>' and non-ASCII characters readable.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, SyntaxTree tree)
    {
        using (var writer = new Utf8JsonWriter(output, s_options))
        {
            writer.WriteStartObject();
            WriteDiagnostics(writer, tree);
            writer.WritePropertyName(s_root);
            WriteNode(writer, tree.Root);
            writer.WriteEndObject();
            writer.Flush();
        }
        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteDiagnostics(Utf8JsonWriter writer, SyntaxTree tree)
    {
        writer.WriteStartArray(s_diagnostics);
        foreach (var diagnostic in tree.GetDiagnostics())
        {
            writer.WriteStartObject();
            writer.WriteString(s_id, diagnostic.Id);
            writer.WriteString(s_severity, DiagnosticFormatter.SeverityName(diagnostic.Severity));
            writer.WriteString(s_message, diagnostic.Message);
            writer.WriteNumber(s_start, diagnostic.Span.Start);
            writer.WriteNumber(s_length, diagnostic.Span.Length);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, SyntaxNode node)
    {
        writer.WriteStartObject();
        writer.WriteString(s_kind, KindName(node.Kind));
        writer.WriteNumber(s_start, node.FullSpan.Start);
        writer.WriteNumber(s_length, node.FullSpan.Length);
        writer.WriteStartArray(s_children);
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode) WriteNode(writer, childNode);
            else WriteToken(writer, child.AsToken());
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        if (writer.BytesPending > FlushThreshold) writer.Flush();
    }

    private static void WriteToken(Utf8JsonWriter writer, SyntaxToken token)
    {
        writer.WriteStartObject();
        writer.WriteString(s_kind, KindName(token.Kind));
        writer.WriteString(s_text, token.Text);
        if (token.IsMissing) writer.WriteBoolean(s_missing, true);
        writer.WriteStartArray(s_leading);
        foreach (var trivia in token.LeadingTrivia) WriteTrivia(writer, trivia);
        writer.WriteEndArray();
        writer.WriteStartArray(s_trailing);
        foreach (var trivia in token.TrailingTrivia) WriteTrivia(writer, trivia);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTrivia(Utf8JsonWriter writer, SyntaxTrivia trivia)
    {
        writer.WriteStartObject();
        writer.WriteString(s_kind, KindName(trivia.Kind));
        writer.WriteString(s_text, trivia.Text);
        writer.WriteEndObject();
    }

    private static JsonEncodedText KindName(SyntaxKind kind) =>
        s_kindNames.TryGetValue(kind, out var name) ? name : JsonEncodedText.Encode(kind.ToString());
}
