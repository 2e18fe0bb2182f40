using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>
/// Property: whatever incremental edits an editor sends (positions past line ends and past the last line, reversed ranges,
/// CRLF and lone CR, astral characters, lone surrogates, several changes per message), the server ends with exactly the
/// editor's text, and the diagnostics it publishes for it equal those of the same text opened fresh. The editor's text is
/// modelled here from the LSP specification and the server's documented clamping, independently of the server's code.
/// </summary>
[Collection(nameof(RobustnessCollection))]
public sealed class EditSequencePropertyTests
{
    private static readonly string[] s_pieces =
    [
        "FROM alpine:3.19", "FROM ", " AS build", "RUN ", "apt-get install -y curl", " && ", "\\\n", "\n", "\r\n", "\r", " ", "x",
        "$", "${A}", "\"", "[\"sh\"]", "<<EOF\n", "EOF\n", "# escape=`\n", "ARG A=1\n", "COPY --from=build /a /b\n", "é", "\U0001F433",
        "\ud83d", "\ude00", "\t", "CMD ", "LABEL a=b",
    ];

    private static readonly Gen<string> s_text = Gen.Int[0, s_pieces.Length - 1].Array[0, 8].Select(indexes => string.Concat(indexes.Select(i => s_pieces[i])));

    private static readonly Gen<Change> s_change = Gen.Select(Gen.Int[-1, 9], Gen.Int[-1, 30], Gen.Int[-1, 9], Gen.Int[-1, 30], s_text)
        .Select((startLine, startCharacter, endLine, endCharacter, text) => new Change(startLine, startCharacter, endLine, endCharacter, text));

    private static readonly Gen<(string Initial, Change[][] Messages)> s_session =
        Gen.Select(s_text, s_text, s_change.Array[1, 3].Array[1, 25]).Select((a, b, messages) => ("FROM alpine\n" + a + "\n" + b, messages));

    [Fact]
    public async Task AnyEditSequenceLeavesTheEditorsTextAndFreshDiagnostics()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        var iteration = 0;
        await s_session.SampleAsync(async session =>
        {
            iteration++;
            var edited = $"file:///property/{iteration}/edited/Dockerfile";
            var fresh = $"file:///property/{iteration}/fresh/Dockerfile";
            var text = session.Initial;
            await client.SendRawAsync(Notification("textDocument/didOpen", $$$"""{"textDocument":{"uri":"{{{edited}}}","languageId":"dockerfile","version":1,"text":{{{JsonString(text)}}}}}"""));
            var version = 1;
            foreach (var message in session.Messages)
            {
                foreach (var change in message) text = EditorModel.Apply(text, change);
                var changes = string.Join(",", message.Select(change => $$$"""{"range":{"start":{"line":{{{change.StartLine}}},"character":{{{change.StartCharacter}}}},"end":{"line":{{{change.EndLine}}},"character":{{{change.EndCharacter}}}}},"text":{{{JsonString(change.Text)}}}}"""));
                await client.SendRawAsync(Notification("textDocument/didChange", $$"""{"textDocument":{"uri":"{{edited}}","version":{{++version}}},"contentChanges":[{{changes}}]}"""));
            }
            var incremental = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == edited && (int?)n["params"]!["version"] == version);
            Assert.Equal(text, client.Server.CurrentSnapshot.GetDocument(edited)!.Text.ToString());
            await client.SendRawAsync(Notification("textDocument/didOpen", $$$"""{"textDocument":{"uri":"{{{fresh}}}","languageId":"dockerfile","version":1,"text":{{{JsonString(text)}}}}}"""));
            var opened = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == fresh);
            Assert.Equal(Summary(opened), Summary(incremental));
            await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = edited } });
            await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = fresh } });
        }, iter: 150, threads: 1);
    }

    [Theory]
    [InlineData("ab\ncd", 0, 9, 0, 9, "X", "abX\ncd")]
    [InlineData("ab\r\ncd", 0, 3, 1, 0, "", "abcd")]
    [InlineData("ab\rcd", 1, 1, 1, 1, "X", "ab\rcXd")]
    [InlineData("a\U0001F433b", 0, 2, 0, 2, "X", "aX\U0001F433b")]
    [InlineData("ab", 5, 0, 7, 0, "X", "abX")]
    [InlineData("abcd", 0, 3, 0, 1, "X", "abcXd")]
    [InlineData("abcd", -1, 0, 0, 1, "", "bcd")]
    public void TheModelFollowsTheSpecificationAndTheClampingPolicy(string text, int startLine, int startCharacter, int endLine, int endCharacter, string insert, string expected) =>
        Assert.Equal(expected, EditorModel.Apply(text, new Change(startLine, startCharacter, endLine, endCharacter, insert)));

    private static string Summary(JsonObject publish) => string.Join("\n", publish["params"]!["diagnostics"]!.AsArray()
        .Select(d => $"{d!["range"]!.ToJsonString()} {d["code"]} {d["message"]}").Order(StringComparer.Ordinal));

    private static byte[] Notification(string method, string parameters) =>
        TestLspClient.Frame(Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{parameters}}}"""));

    /// <summary>A JSON string literal that escapes every non-ASCII code unit, so lone surrogates reach the wire as they are.</summary>
    private static string JsonString(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value) json.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}");
        return json.Append('"').ToString();
    }

    /// <summary>One range change as an editor sends it; positions in UTF-16 code units, possibly out of range.</summary>
    public sealed record Change(int StartLine, int StartCharacter, int EndLine, int EndCharacter, string Text);

    /// <summary>
    /// The editor's side: LSP lines end at LF, CRLF or CR; a position past the end of its line means the line's end (before the
    /// line break), past the last line the text's end, negative values the start; a position inside a surrogate pair means
    /// before the pair; a range whose end precedes its start is an insertion at its start.
    /// </summary>
    private static class EditorModel
    {
        public static string Apply(string text, Change change)
        {
            var start = Offset(text, change.StartLine, change.StartCharacter);
            var end = Math.Max(start, Offset(text, change.EndLine, change.EndCharacter));
            return text[..start] + change.Text + text[end..];
        }

        private static int Offset(string text, int line, int character)
        {
            if (line < 0) return 0;
            var lines = Lines(text);
            if (line >= lines.Count) return text.Length;
            var (start, length) = lines[line];
            var offset = start + Math.Clamp(character, 0, length);
            return offset > start && offset < start + length && char.IsSurrogatePair(text[offset - 1], text[offset]) ? offset - 1 : offset;
        }

        /// <summary>Start and length (without the line break) of every line.</summary>
        private static List<(int Start, int Length)> Lines(string text)
        {
            var lines = new List<(int, int)>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is not ('\n' or '\r')) continue;
                lines.Add((start, i - start));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
            lines.Add((start, text.Length - start));
            return lines;
        }
    }
}
