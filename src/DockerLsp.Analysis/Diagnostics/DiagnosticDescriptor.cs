using System.Collections.Immutable;
using System.Globalization;

namespace DockerLsp.Analysis;

/// <summary>
/// The static description of a rule: its stable <see cref="Id"/> (part of the public contract, never renumbered), title,
/// message format (<see cref="string.Format(IFormatProvider, string, object[])"/> placeholders), category, default severity,
/// whether it runs by default, its help page and the equivalent IDs in hadolint and BuildKit. Immutable; compared by ID.
/// </summary>
public sealed class DiagnosticDescriptor : IEquatable<DiagnosticDescriptor>
{
    /// <summary>Where the rule pages are published; <see cref="HelpLink"/> is this plus <c>ID.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/dockerlsp/dockerlsp/blob/main/docs/rules/";

    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        DiagnosticCategory category,
        DiagnosticSeverity defaultSeverity,
        bool isEnabledByDefault = true,
        IEnumerable<string>? hadolintIds = null,
        IEnumerable<string>? buildKitNames = null,
        DiagnosticTags tags = DiagnosticTags.None,
        bool isConfigurable = true,
        string? description = null,
        bool messageCitesLines = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageFormat);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        HadolintIds = hadolintIds?.ToImmutableArray() ?? [];
        BuildKitNames = buildKitNames?.ToImmutableArray() ?? [];
        Tags = tags;
        IsConfigurable = isConfigurable;
        Description = description ?? title;
        MessageCitesLines = messageCitesLines;
    }

    /// <summary>
    /// True when messages cite line numbers ("the CMD on line 12"): the incremental driver then reuses a stage's findings
    /// only while the stage starts on the same line.
    /// </summary>
    public bool MessageCitesLines { get; }

    /// <summary>The stable rule ID, e.g. <c>DF201</c>.</summary>
    public string Id { get; }
    public string Title { get; }
    public string MessageFormat { get; }
    public string Description { get; }
    public DiagnosticCategory Category { get; }
    public DiagnosticSeverity DefaultSeverity { get; }
    public bool IsEnabledByDefault { get; }

    /// <summary>Tags every diagnostic of this rule carries (a diagnostic may add more).</summary>
    public DiagnosticTags Tags { get; }

    /// <summary>False for real parse errors: configuration and suppressions cannot hide what BuildKit would reject.</summary>
    public bool IsConfigurable { get; }

    /// <summary>Equivalent hadolint codes (<c>DL3025</c>); honoured in <c>.hadolint.yaml</c> and <c># hadolint ignore=</c>.</summary>
    public ImmutableArray<string> HadolintIds { get; }

    /// <summary>Equivalent BuildKit check names (<c>JSONArgsRecommended</c>); honoured in <c># check=skip=</c>.</summary>
    public ImmutableArray<string> BuildKitNames { get; }

    /// <summary>Every alias: hadolint IDs first, then BuildKit names.</summary>
    public ImmutableArray<string> Aliases => HadolintIds.AddRange(BuildKitNames);

    /// <summary>The repository-relative path of the rule's documentation page.</summary>
    public string HelpPath => "docs/rules/" + Id + ".md";

    /// <summary>Absolute URL of the documentation page.</summary>
    public string HelpLink => HelpBaseUri + Id + ".md";

    /// <summary>True when <paramref name="code"/> is this rule's ID or one of its aliases (IDs ignore case, BuildKit names do not).</summary>
    public bool Matches(string code) =>
        string.Equals(code, Id, StringComparison.OrdinalIgnoreCase)
        || HadolintIds.Any(h => string.Equals(h, code, StringComparison.OrdinalIgnoreCase))
        || BuildKitNames.Contains(code, StringComparer.Ordinal);

    public string FormatMessage(params object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public bool Equals(DiagnosticDescriptor? other) => other is not null && other.Id == Id;
    public override bool Equals(object? obj) => Equals(obj as DiagnosticDescriptor);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);
    public override string ToString() => Id + ": " + Title;
}
