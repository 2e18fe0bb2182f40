using System.Text.Json.Nodes;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>
/// The build context of a Dockerfile on disk (its directory) in the editor: DF306 sees a missing <c>.dockerignore</c>, follows the
/// file appearing (<c>workspace/didChangeWatchedFiles</c>), and its fix creates or appends to the file through a workspace edit
/// with resource operations, offered only to clients that can create files.
/// </summary>
public sealed class BuildContextTests : IDisposable
{
    private const string Dockerfile = "FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nCMD [\"./run\"]\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("dockerlsp-context-").FullName;

    private string DockerfileUri => new Uri(Path.Combine(_directory, "Dockerfile")).AbsoluteUri;

    private string IgnoreUri => new Uri(Path.Combine(_directory, ".dockerignore")).AbsoluteUri;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A push client that applies workspace edits with documentChanges and, when asked, the create/rename/delete operations.</summary>
    private static JsonObject ClientCapabilities(bool resourceOperations)
    {
        var capabilities = Capabilities.Push();
        capabilities["workspace"]!["workspaceEdit"] = new JsonObject
        {
            ["documentChanges"] = true,
            ["resourceOperations"] = resourceOperations ? new JsonArray("create", "rename", "delete") : new JsonArray(),
        };
        return capabilities;
    }

    private async Task<JsonArray> QuickFixesAtCopyAsync(TestLspClient client) =>
        (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = DockerfileUri },
            ["range"] = Lsp.Range(2, 5, 2, 6),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("quickfix") },
        }))["result"]!.AsArray();

    private static bool HasDf306(JsonObject publish) => publish["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "DF306");

    [Fact]
    public async Task Df306IsPublishedWithoutADockerignoreAndGoesAwayWhenOneIsCreatedAndReported()
    {
        await using var client = await TestLspClient.StartInitializedAsync(ClientCapabilities(resourceOperations: true));
        await File.WriteAllTextAsync(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Dockerfile, uri: DockerfileUri));
        var first = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == DockerfileUri);
        var df306 = first["params"]!["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "DF306")!;
        Assert.Contains("there is no .dockerignore", (string?)df306["message"]);

        await File.WriteAllTextAsync(Path.Combine(_directory, ".dockerignore"), ".git\n**/.env\n");
        client.ClearNotifications();
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = IgnoreUri, ["type"] = 1 }),
        });
        var second = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == DockerfileUri);
        Assert.False(HasDf306(second));
        Assert.Equal(1, (int?)second["params"]!["version"]);
    }

    [Fact]
    public async Task WatchedFilesRegistrationCoversDockerignoreAndManifests()
    {
        var capabilities = ClientCapabilities(resourceOperations: true);
        capabilities["workspace"]!["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true };
        await using var client = await TestLspClient.StartInitializedAsync(capabilities);
        var registration = (await client.WaitForServerRequestAsync("client/registerCapability"))["params"]!["registrations"]![0]!;
        var globs = registration["registerOptions"]!["watchers"]!.AsArray().Select(w => (string?)w!["globPattern"]).ToArray();
        Assert.Contains("**/.dockerignore", globs);
        Assert.Contains("**/.hadolint.yaml", globs);
        Assert.Contains("**/package.json", globs);
        Assert.Contains("**/*.txt", globs);
    }

    [Fact]
    public async Task TheDf306FixCreatesADockerignoreNextToTheDockerfileWhenTheClientCanCreateFiles()
    {
        await using var client = await TestLspClient.StartInitializedAsync(ClientCapabilities(resourceOperations: true));
        await File.WriteAllTextAsync(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Dockerfile, uri: DockerfileUri));
        var fix = (await QuickFixesAtCopyAsync(client)).Single(a => (string?)a!["title"] == "Create a .dockerignore")!;
        Assert.True((bool?)fix["isPreferred"]);
        var operations = fix["edit"]!["documentChanges"]!.AsArray();
        Assert.Equal(2, operations.Count);
        Assert.Equal("create", (string?)operations[0]!["kind"]);
        Assert.Equal(IgnoreUri, (string?)operations[0]!["uri"]);
        Assert.True((bool?)operations[0]!["options"]!["ignoreIfExists"]);
        Assert.Equal(IgnoreUri, (string?)operations[1]!["textDocument"]!["uri"]);
        Assert.Null(operations[1]!["textDocument"]!["version"]);
        var insert = operations[1]!["edits"]![0]!;
        Assert.Equal(0, (int?)insert["range"]!["start"]!["line"]);
        Assert.Equal(0, (int?)insert["range"]!["end"]!["character"]);
        // The rule's default content: version control, dependencies, secrets, the Dockerfile itself.
        var content = (string?)insert["newText"]!;
        Assert.StartsWith("# Keep the build context small and free of secrets (created by DockerLsp, rule DF306).\n", content);
        Assert.Contains("\n.git\n", content);
        Assert.Contains("\n**/.env\n", content);
        Assert.Contains("\nDockerfile*\n", content);
        Assert.EndsWith(".dockerignore\n", content);
    }

    [Fact]
    public async Task TheDf306FixIsNotOfferedToClientsThatCannotCreateFiles()
    {
        await using var client = await TestLspClient.StartInitializedAsync(ClientCapabilities(resourceOperations: false));
        await File.WriteAllTextAsync(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Dockerfile, uri: DockerfileUri));
        var actions = await QuickFixesAtCopyAsync(client);
        Assert.DoesNotContain(actions, a => ((string?)a!["title"])!.Contains(".dockerignore", StringComparison.Ordinal));
        // The diagnostic itself is still there, with its suppressions.
        Assert.Contains(actions, a => (string?)a!["title"] == "Ignore DF306 for this instruction");
    }

    [Fact]
    public async Task TheDf306FixAppendsToAnIncompleteDockerignoreOnDiskOrAsOpenInTheEditor()
    {
        await using var client = await TestLspClient.StartInitializedAsync(ClientCapabilities(resourceOperations: true));
        await File.WriteAllTextAsync(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        await File.WriteAllTextAsync(Path.Combine(_directory, ".env"), "SECRET=1\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, ".dockerignore"), "# mine\nbuild");
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Dockerfile, uri: DockerfileUri));

        var fix = (await QuickFixesAtCopyAsync(client)).Single(a => (string?)a!["title"] == "Add .env to .dockerignore")!;
        var operations = fix["edit"]!["documentChanges"]!.AsArray();
        var append = Assert.Single(operations)!;
        Assert.Equal(IgnoreUri, (string?)append["textDocument"]!["uri"]);
        Assert.Null(append["textDocument"]!["version"]);
        var edit = append["edits"]![0]!;
        Assert.Equal(1, (int?)edit["range"]!["start"]!["line"]);
        Assert.Equal(5, (int?)edit["range"]!["start"]!["character"]);
        Assert.Equal("\n.env\n", (string?)edit["newText"]);

        // Open in the editor with unsaved text: the edit targets that text and version.
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("# mine\nbuild\ndist\n", version: 4, uri: IgnoreUri));
        fix = (await QuickFixesAtCopyAsync(client)).Single(a => (string?)a!["title"] == "Add .env to .dockerignore")!;
        append = Assert.Single(fix["edit"]!["documentChanges"]!.AsArray())!;
        Assert.Equal(4, (int?)append["textDocument"]!["version"]);
        edit = append["edits"]![0]!;
        Assert.Equal(3, (int?)edit["range"]!["start"]!["line"]);
        Assert.Equal(0, (int?)edit["range"]!["start"]!["character"]);
        Assert.Equal(".env\n", (string?)edit["newText"]);
    }

    [Fact]
    public async Task AFileCreatedThroughTheApplyEditOfACommandRefreshesTheBuildContextWithoutAFileEvent()
    {
        var capabilities = Capabilities.Push(literals: false);
        capabilities["workspace"]!["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") };
        await using var client = await TestLspClient.StartInitializedAsync(capabilities);
        JsonNode? applied = null;
        client.ServerRequestHandler = (method, parameters) =>
        {
            if (method != "workspace/applyEdit") return null;
            // The client creates the file and (as after a save) writes the inserted text.
            applied = parameters!.DeepClone();
            var operations = parameters!["edit"]!["documentChanges"]!.AsArray();
            File.WriteAllText(new Uri((string)operations[0]!["uri"]!).LocalPath, (string)operations[1]!["edits"]![0]!["newText"]!);
            return new JsonObject { ["applied"] = true };
        };
        await File.WriteAllTextAsync(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Dockerfile, uri: DockerfileUri));
        Assert.True(HasDf306(await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == DockerfileUri)));

        var command = (await QuickFixesAtCopyAsync(client)).Single(c => (string?)c!["title"] == "Create a .dockerignore")!;
        client.ClearNotifications();
        var response = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command["command"]!.DeepClone(), ["arguments"] = command["arguments"]!.DeepClone() });
        Assert.Null(response["error"]);
        Assert.Equal("create", (string?)applied!["edit"]!["documentChanges"]![0]!["kind"]);
        Assert.True(File.Exists(Path.Combine(_directory, ".dockerignore")));
        var republished = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == DockerfileUri);
        Assert.False(HasDf306(republished));
    }

    [Fact]
    public async Task UntitledDocumentsGetNoBuildContextAndNoFileCreatingFix()
    {
        await using var client = await TestLspClient.StartInitializedAsync(ClientCapabilities(resourceOperations: true));
        const string uri = "untitled:Untitled-1";
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Dockerfile, uri: uri));
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == uri);
        var df306 = publish["params"]!["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "DF306")!;
        Assert.Contains("make sure a .dockerignore", (string?)df306["message"]);
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = Lsp.Range(2, 5, 2, 6),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("quickfix") },
        }))["result"]!.AsArray();
        Assert.Contains(actions, a => (string?)a!["title"] == "Ignore DF306 for this instruction");
        Assert.DoesNotContain(actions, a => ((string?)a!["title"])!.Contains(".dockerignore", StringComparison.Ordinal));
    }
}
