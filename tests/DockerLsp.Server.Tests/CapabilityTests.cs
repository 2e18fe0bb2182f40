using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>The advertised capabilities are derived from the registered handlers and match them one to one.</summary>
public sealed class CapabilityTests
{
    [Fact]
    public async Task EveryAdvertisedFeatureHasAHandlerAndEveryFeatureHandlerIsAdvertised()
    {
        await using var client = TestLspClient.Start();
        var server = client.Server;
        var methods = server.Handlers.Select(h => h.Method).ToHashSet();
        var push = server.BuildCapabilities(new ClientSession());
        var pullSession = new ClientSession();
        pullSession.Initialize(new InitializeParams { Capabilities = new ClientCapabilities { TextDocument = new TextDocumentClientCapabilities { Diagnostic = new DynamicRegistrationCapability() } } }, null);
        var pull = server.BuildCapabilities(pullSession);

        Assert.Equal(methods.Contains("textDocument/hover"), push.HoverProvider == true);
        Assert.Equal(methods.Contains("textDocument/codeAction"), push.CodeActionProvider is not null);
        Assert.Equal(methods.Contains("codeAction/resolve"), push.CodeActionProvider?.ResolveProvider == true);
        Assert.Equal(methods.Contains("workspace/executeCommand"), push.ExecuteCommandProvider is not null);
        Assert.True(methods.IsSupersetOf(["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose"]));
        Assert.Equal(2, push.TextDocumentSync!.Change);
        Assert.Null(push.DiagnosticProvider);
        Assert.Equal(methods.Contains("textDocument/diagnostic"), pull.DiagnosticProvider is not null);
        Assert.Equal(server.Handlers.Count, methods.Count);
    }
}
