using System.Collections.Immutable;

namespace DockerLsp.Features.Settings;

/// <summary>
/// Everything the user can configure for the language server, in editor-neutral terms. Immutable; a settings change
/// produces a new value and a new workspace snapshot. Unknown or malformed input never reaches this type: the protocol
/// layer maps it to defaults. Rule and category keys compare case-insensitively (DF301 = df301).
/// </summary>
public sealed record LanguageServerSettings
{
    public static LanguageServerSettings Default { get; } = new();

    /// <summary>Per-rule severity overrides, keyed by rule ID (or an alias such as a hadolint DL code).</summary>
    public ImmutableDictionary<string, ConfiguredSeverity> RuleSeverities { get; init; } =
        ImmutableDictionary<string, ConfiguredSeverity>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-category severity overrides (a rule's own override wins over its category's).</summary>
    public ImmutableDictionary<string, ConfiguredSeverity> CategorySeverities { get; init; } =
        ImmutableDictionary<string, ConfiguredSeverity>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registries whose images rules treat as trusted (e.g. for "untrusted base image" checks).</summary>
    public ImmutableArray<string> TrustedRegistries { get; init; } = [];

    /// <summary>Serilog minimum level name (Verbose, Debug, Information, Warning, Error, Fatal).</summary>
    public string LogLevel { get; init; } = "Information";

    /// <summary>Registry access for pinning, hover and tag data (<c>dockerlsp.registry.*</c>).</summary>
    public Images.ImageRegistrySettings Registry { get; init; } = Images.ImageRegistrySettings.Default;

    /// <summary>The on-disk configuration files in force (<c>.editorconfig</c>, <c>.hadolint.yaml</c>), as text read by the host.</summary>
    public ImmutableArray<ConfigurationFile> ConfigurationFiles { get; init; } = [];

    /// <summary>The effective severity of a rule: its own override, else its category's, else its default.</summary>
    public ConfiguredSeverity Resolve(string ruleId, string? category, ConfiguredSeverity defaultSeverity)
    {
        if (RuleSeverities.TryGetValue(ruleId, out var own) && own != ConfiguredSeverity.Default) return own;
        if (category is not null && CategorySeverities.TryGetValue(category, out var byCategory) && byCategory != ConfiguredSeverity.Default) return byCategory;
        return defaultSeverity;
    }

    /// <summary>Value equality that looks into the collections, so that an unchanged configuration does not re-publish diagnostics.</summary>
    public bool Equals(LanguageServerSettings? other) =>
        other is not null &&
        LogLevel == other.LogLevel &&
        SameMap(RuleSeverities, other.RuleSeverities) &&
        SameMap(CategorySeverities, other.CategorySeverities) &&
        TrustedRegistries.SequenceEqual(other.TrustedRegistries) &&
        Registry.Equals(other.Registry) &&
        ConfigurationFiles.SequenceEqual(other.ConfigurationFiles);

    public override int GetHashCode() => HashCode.Combine(LogLevel, RuleSeverities.Count, CategorySeverities.Count, TrustedRegistries.Length, ConfigurationFiles.Length);

    private static bool SameMap(ImmutableDictionary<string, ConfiguredSeverity> a, ImmutableDictionary<string, ConfiguredSeverity> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);
}

/// <summary>How severe a rule's findings are; <see cref="Default"/> means "as the rule declares", <see cref="Off"/> hides it.</summary>
public enum ConfiguredSeverity
{
    Default,
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

/// <summary>A configuration file's path and text as read from disk by the host (Features does no IO).</summary>
public sealed record ConfigurationFile(string Path, ConfigurationFileKind Kind, string Text);

/// <summary>Which configuration format a <see cref="ConfigurationFile"/> holds.</summary>
public enum ConfigurationFileKind
{
    EditorConfig,
    Hadolint,
}
