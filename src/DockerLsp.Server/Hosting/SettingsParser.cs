using System.Collections.Immutable;
using System.Text.Json;
using DockerLsp.Features.Images;
using DockerLsp.Features.Settings;
using Serilog;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Reads the <c>dockerlsp</c> settings section sent by the client into <see cref="LanguageServerSettings"/>. Tolerant:
/// unknown keys are ignored, a malformed value keeps its default and is logged (names only, never values of unknown keys).
/// Shape: <c>{ "rules": { "DF112": "off" }, "categories": { "Style": "warning" }, "trustedRegistries": ["docker.io"], "logLevel": "Debug" }</c>.
/// </summary>
internal static class SettingsParser
{
    public static LanguageServerSettings Parse(JsonElement? section, LanguageServerSettings baseline, ILogger log)
    {
        if (section is not { ValueKind: JsonValueKind.Object } value) return baseline with
        {
            RuleSeverities = LanguageServerSettings.Default.RuleSeverities,
            CategorySeverities = LanguageServerSettings.Default.CategorySeverities,
            TrustedRegistries = [],
            LogLevel = LanguageServerSettings.Default.LogLevel,
            Registry = LanguageServerSettings.Default.Registry,
        };
        return baseline with
        {
            RuleSeverities = ReadSeverities(value, "rules", log),
            CategorySeverities = ReadSeverities(value, "categories", log),
            TrustedRegistries = value.TryGetProperty("trustedRegistries", out var registries) && registries.ValueKind == JsonValueKind.Array
                ? registries.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToImmutableArray()
                : [],
            LogLevel = value.TryGetProperty("logLevel", out var level) && level.ValueKind == JsonValueKind.String ? level.GetString()! : LanguageServerSettings.Default.LogLevel,
            Registry = ReadRegistry(value),
        };
    }

    /// <summary><c>"registry": { "insecure": ["host:port"], "offline": true, "timeoutSeconds": 10, "checkDigests": true }</c>; malformed parts keep their defaults.</summary>
    private static ImageRegistrySettings ReadRegistry(JsonElement section)
    {
        if (!section.TryGetProperty("registry", out var registry) || registry.ValueKind != JsonValueKind.Object) return ImageRegistrySettings.Default;
        return new ImageRegistrySettings
        {
            Insecure = registry.TryGetProperty("insecure", out var insecure) && insecure.ValueKind == JsonValueKind.Array
                ? insecure.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String && r.GetString()!.Length > 0).Select(r => r.GetString()!).ToImmutableArray()
                : [],
            Offline = registry.TryGetProperty("offline", out var offline) && offline.ValueKind == JsonValueKind.True,
            CheckDigests = registry.TryGetProperty("checkDigests", out var check) && check.ValueKind == JsonValueKind.True,
            TimeoutSeconds = registry.TryGetProperty("timeoutSeconds", out var timeout) && timeout.ValueKind == JsonValueKind.Number && timeout.TryGetInt32(out var seconds)
                ? Math.Clamp(seconds, 1, 120)
                : ImageRegistrySettings.Default.TimeoutSeconds,
        };
    }

    private static ImmutableDictionary<string, ConfiguredSeverity> ReadSeverities(JsonElement section, string name, ILogger log)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
        if (!section.TryGetProperty(name, out var map) || map.ValueKind != JsonValueKind.Object) return builder.ToImmutable();
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.String && TryParseSeverity(entry.Value.GetString(), out var severity)) builder[entry.Name] = severity;
            else log.Warning("Setting dockerlsp.{Section}.{Key} has an unknown severity; expected error, warning, info, hint, off or default", name, entry.Name);
        }
        return builder.ToImmutable();
    }

    public static bool TryParseSeverity(string? text, out ConfiguredSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = ConfiguredSeverity.Error; return true;
            case "warning" or "warn": severity = ConfiguredSeverity.Warning; return true;
            case "info" or "information" or "suggestion": severity = ConfiguredSeverity.Info; return true;
            case "hint" or "style" or "hidden": severity = ConfiguredSeverity.Hint; return true;
            case "off" or "none" or "ignore": severity = ConfiguredSeverity.Off; return true;
            case "default": severity = ConfiguredSeverity.Default; return true;
            default: severity = ConfiguredSeverity.Default; return false;
        }
    }
}
