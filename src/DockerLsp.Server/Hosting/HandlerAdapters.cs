using System.Reflection;
using DockerLsp.Server.Handlers;
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

    /// <summary>Adapter for a request handler.</summary>
    internal sealed class RequestAdapter<TParams, TResult>(RequestHandler<TParams, TResult> handler, LanguageServer server)
    {
        public Task<TResult> InvokeAsync(TParams request = default!, CancellationToken cancellationToken = default) =>
            server.DispatchRequest(handler, request, cancellationToken);
    }

    /// <summary>Adapter for a notification handler.</summary>
    internal sealed class NotificationAdapter<TParams>(NotificationHandler<TParams> handler, LanguageServer server)
    {
        public Task InvokeAsync(TParams notification = default!) => server.DispatchNotification(handler, notification);
    }
}
