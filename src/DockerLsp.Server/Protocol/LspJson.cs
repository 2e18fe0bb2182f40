using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

namespace DockerLsp.Server.Protocol;

/// <summary>
/// The one serializer configuration of the server: camelCase, nulls omitted, source-generated metadata for every DTO
/// (fast startup, no reflection warm-up) with reflection as the fallback for StreamJsonRpc's own types.
/// </summary>
internal static class LspJson
{
    /// <summary>StreamJsonRpc's System.Text.Json formatter with <see cref="Configure"/> applied.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimJustification)]
    public static SystemTextJsonFormatter CreateFormatter()
    {
        var formatter = new SystemTextJsonFormatter();
        Configure(formatter.JsonSerializerOptions);
        return formatter;
    }

    /// <summary>
    /// Why the reflection-based paths (StreamJsonRpc's formatter, System.Text.Json's fallback resolver) are safe in a trimmed
    /// publish: every protocol DTO has source-generated metadata (<see cref="LspJsonContext"/>); what reaches the fallback is
    /// StreamJsonRpc's own types (<c>CommonErrorData</c>, <c>RequestId</c>) and interfaces of our DTOs, and the trimmed publish
    /// (src/DockerLsp.Cli/DockerLsp.Cli.csproj) trims only the framework, keeping this assembly and every package whole.
    /// </summary>
    internal const string TrimJustification = "Protocol DTOs use the source-generated LspJsonContext; the rest is StreamJsonRpc's own types, kept whole by the trimmed publish, which trims the framework only (DockerLsp.Cli.csproj).";

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimJustification)]
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = false;
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(LspJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Reads a JSON value (a message's params, a command's argument) into its protocol type; when it does not fit, reports
    /// false and the reader's error, which names the JSON path and never the content. An absent or null value reads as the
    /// type's default.
    /// </summary>
    public static bool TryRead<T>(JsonElement element, out T value, out string? error)
    {
        value = default!;
        error = null;
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return true;
        try
        {
            value = element.Deserialize((JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))!;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            // Not only JsonException: System.Text.Json throws NotSupportedException for shapes it cannot bind, and anything that
            // escaped here would reach the client as StreamJsonRpc's -32000 with a stack trace.
            error = exception.Message;
            return false;
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        return options;
    }
}

/// <summary>Source-generated serialization metadata for the protocol DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(LogTraceParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(DiagnosticData))]
[JsonSerializable(typeof(CodeActionData))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(TextDocumentEdit))]
[JsonSerializable(typeof(CreateFile))]
internal sealed partial class LspJsonContext : JsonSerializerContext;
