using System.Diagnostics;
using System.Text.Json.Nodes;
using DockerLsp.Registry.Tests;
using DockerLsp.Server.Tests.Infrastructure;
using DockerLsp.TestUtilities;
using Nerdbank.Streams;

namespace DockerLsp.Server.Tests.EndToEnd;

/// <summary>
/// DF506 over the wire, end to end: the real <c>dockerlsp serve --stdio</c> apphost, Debian's real <c>docker-registry</c> on
/// 127.0.0.1 (allowed with <c>--insecure-registry</c>), and a Dockerfile pinned to a digest the tag no longer points at. With
/// <c>dockerlsp.registry.checkDigests</c> the client receives DF506 without touching the document, and "Update digest"
/// replaces the digest with the registry's current one. No Docker engine involved.
/// </summary>
public sealed class StaleDigestWireTests
{
    [Fact]
    public async Task Stale_digest_is_published_without_an_edit_and_update_digest_pins_the_current_one()
    {
        await using var registry = await RegistryProcess.StartAsync();
        using var http = new HttpClient();
        var pushed = await new TestImagePusher(http, registry.BaseUri).PushAsync("library/debian", "bookworm-slim");
        var image = $"{registry.Authority}/library/debian:bookworm-slim";
        // The amd64 manifest is a real digest of the repository, but the tag now names the multi-platform index.
        var old = pushed.Amd64ManifestDigest.ToString();
        var current = pushed.IndexDigest.ToString();
        Assert.NotEqual(old, current);
        var text = $"FROM {image}@{old} AS base\nRUN true\n";

        var cache = Path.Combine(Path.GetTempPath(), "dockerlsp-wire-cache-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(ServerApphost.Path)
        {
            ArgumentList = { "serve", "--stdio", "--insecure-registry", registry.Authority, "--log-level", "Warning" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["XDG_CACHE_HOME"] = cache },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the apphost did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await using var client = TestLspClient.Connect(FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream),
                process.WaitForExitAsync().ContinueWith(_ => process.ExitCode, TaskScheduler.Default));
            var initialize = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = Capabilities.Push() });
            Assert.Null(initialize["error"]);
            await client.NotifyAsync("initialized", new JsonObject());
            await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
            {
                ["settings"] = new JsonObject { ["dockerlsp"] = new JsonObject { ["registry"] = new JsonObject { ["checkDigests"] = true } } },
            });
            await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(text));

            // Only didOpen was sent: the finding arrives because the server publishes again when the lookup answers.
            var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
                n => n["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "DF506"));
            Assert.All(client.Notifications.Where(n => (string?)n["method"] == "textDocument/publishDiagnostics"), n => Assert.Equal(1, (int?)n["params"]!["version"]));
            var df506 = published["params"]!["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "DF506")!;
            Assert.Contains(old, (string?)df506["message"], StringComparison.Ordinal);
            Assert.Contains(current, (string?)df506["message"], StringComparison.Ordinal);

            var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
                ["range"] = df506["range"]!.DeepClone(),
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(df506.DeepClone()) },
            }))["result"]!.AsArray();
            var update = actions.First(a => (string?)a!["title"] == "Update digest")!;
            Assert.Equal("DF506", (string?)update["diagnostics"]![0]!["code"]);
            var edits = update["edit"]!["changes"]![Lsp.Uri]!.AsArray();
            Assert.Equal($"FROM {image}@{current} AS base\nRUN true\n", Apply(text, edits));

            await client.ShutdownAndExitAsync();
            Assert.Equal(0, await client.Run.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(cache, recursive: true);
        }
        Assert.DoesNotContain("Authorization", await stderr, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Applies single-line LSP edits (UTF-16 positions) to <paramref name="text"/>.</summary>
    private static string Apply(string text, JsonArray edits)
    {
        var lines = text.Split('\n');
        foreach (var edit in edits.OrderByDescending(e => ((int)e!["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!)))
        {
            var range = edit!["range"]!;
            var line = (int)range["start"]!["line"]!;
            Assert.Equal(line, (int)range["end"]!["line"]!);
            var from = (int)range["start"]!["character"]!;
            var to = (int)range["end"]!["character"]!;
            lines[line] = lines[line][..from] + (string?)edit["newText"] + lines[line][to..];
        }
        return string.Join('\n', lines);
    }
}
