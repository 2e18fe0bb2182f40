using System.Reflection;
using System.Text.Json;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;
using StreamJsonRpc;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Binds handlers to StreamJsonRpc methods. Each adapter exposes one method taking the LSP params as a single object, so
/// that StreamJsonRpc deserializes them with the server's options; the params are optional because some LSP messages
/// (shutdown, initialized) carry none.
/// </summary>
internal static class HandlerAdapters
{
    public static void Register(JsonRpc rpc, ILspHandler handler, LanguageServer server)
    {
        var handlerType = handler.GetType();
        while (handlerType.BaseType is { } baseType && !(baseType.IsGenericType && (baseType.GetGenericTypeDefinition() == typeof(RequestHandler<,>) || baseType.GetGenericTypeDefinition() == typeof(NotificationHandler<>))))
        {
            handlerType = baseType;
        }
        var definition = handlerType.BaseType!.GetGenericTypeDefinition();
        var arguments = handlerType.BaseType.GetGenericArguments();
        var adapterType = definition == typeof(RequestHandler<,>)
            ? typeof(RequestAdapter<,>).MakeGenericType(arguments)
            : typeof(NotificationAdapter<>).MakeGenericType(arguments);
        var adapter = Activator.CreateInstance(adapterType, handler, server)!;
        var method = adapterType.GetMethod("InvokeAsync", BindingFlags.Public | BindingFlags.Instance)!;
        rpc.AddLocalRpcMethod(method, adapter, new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
    }

    /// <summary>
    /// Adapter for a request handler. It takes the raw params and reads them itself, so that params that do not fit the
    /// protocol type are answered with JSON-RPC's -32602 (invalid params) rather than StreamJsonRpc's generic -32000.
    /// </summary>
    internal sealed class RequestAdapter<TParams, TResult>(RequestHandler<TParams, TResult> handler, LanguageServer server)
    {
        public Task<TResult> InvokeAsync(JsonElement request = default, CancellationToken cancellationToken = default) =>
            LspJson.TryRead(request, out TParams parameters, out var error)
                ? server.DispatchRequest(handler, parameters, cancellationToken)
                : Task.FromException<TResult>(new LocalRpcException($"Invalid params: {error}") { ErrorCode = LspConstants.ErrorInvalidParams });
    }

    /// <summary>
    /// Adapter for a notification handler. It takes the raw params and reads them itself: StreamJsonRpc drops a notification
    /// whose params do not deserialize without a word (there is no response to carry an error), and a dropped didOpen or
    /// didChange is lost text the user never hears about.
    /// </summary>
    internal sealed class NotificationAdapter<TParams>(NotificationHandler<TParams> handler, LanguageServer server)
    {
        public Task InvokeAsync(JsonElement notification = default) =>
            LspJson.TryRead(notification, out TParams parameters, out var error)
                ? server.DispatchNotification(handler, parameters)
                : server.ReportUnreadableNotification(handler.Method, error);
    }
}
