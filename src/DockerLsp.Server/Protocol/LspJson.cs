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
