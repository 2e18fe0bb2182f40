using System.Diagnostics.CodeAnalysis;
using StreamJsonRpc;

namespace DockerLsp.Server.Hosting;

/// <summary>The messages the server sends to the client: notifications and requests. Mockable in tests.</summary>
internal interface ILanguageClient
{
    Task NotifyAsync<TParams>(string method, TParams parameters);

    Task<TResult?> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken);
}

/// <summary><see cref="ILanguageClient"/> over the StreamJsonRpc connection; parameters are sent as one object (LSP style).</summary>
internal sealed class JsonRpcLanguageClient(JsonRpc rpc) : ILanguageClient
{
    // The parameter object is serialized by the formatter of LspJson (source-generated metadata for every DTO sent); StreamJsonRpc
    // reflects over it only for other formatters.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Protocol.LspJson.TrimJustification)]
    public Task NotifyAsync<TParams>(string method, TParams parameters) =>
        rpc.NotifyWithParameterObjectAsync(method, parameters);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Protocol.LspJson.TrimJustification)]
    public Task<TResult?> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken) =>
        rpc.InvokeWithParameterObjectAsync<TResult?>(method, parameters, cancellationToken);
}
