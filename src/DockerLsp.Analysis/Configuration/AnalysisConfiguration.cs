using System.Collections.Immutable;

namespace DockerLsp.Analysis;

/// <summary>
/// Immutable analysis settings: severity per rule code and per category, hadolint's trusted registries and failure threshold,
/// whether inline suppressions are honoured, and the problems met while reading configuration. Built from layers in increasing
/// precedence (defaults, <c>.hadolint.yaml</c>, <c>.editorconfig</c>, explicit settings) with <see cref="Merge"/>.
/// Resolution (<see cref="GetSeverity"/>): a rule-specific setting beats a category setting; among settings of the same kind the
/// higher layer wins; otherwise the descriptor's default applies. Rule codes are kept as written (DF IDs, hadolint codes or
/// BuildKit names) and matched against descriptors and their aliases, so this type needs no rule catalogue. No IO: hosts read the
/// files and pass their text.
/// </summary>
public sealed partial class AnalysisConfiguration
{
    private AnalysisConfiguration(
        ImmutableArray<RuleSetting> ruleSettings,
        ImmutableDictionary<DiagnosticCategory, RuleSeverity> categorySeverities,
        ImmutableArray<string> trustedRegistries,
        DiagnosticSeverity? failureThreshold,
        bool inlineSuppressionsEnabled,
        ImmutableArray<ConfigurationProblem> problems)
    {
        RuleSettings = ruleSettings;
        CategorySeverities = categorySeverities;
        TrustedRegistries = trustedRegistries;
        FailureThreshold = failureThreshold;
        InlineSuppressionsEnabled = inlineSuppressionsEnabled;
        Problems = problems;
    }

    /// <summary>No settings: every rule at its default.</summary>
    public static AnalysisConfiguration Default { get; } = new([], ImmutableDictionary<DiagnosticCategory, RuleSeverity>.Empty, [], null, true, []);

    /// <summary>Per-rule settings in increasing precedence (a later entry for the same code wins).</summary>
    public ImmutableArray<RuleSetting> RuleSettings { get; }

    public ImmutableDictionary<DiagnosticCategory, RuleSeverity> CategorySeverities { get; }

    /// <summary>Registries (with <c>*</c> wildcards) that base images may come from; empty means "no restriction".</summary>
    public ImmutableArray<string> TrustedRegistries { get; }

    /// <summary>The lowest severity that should fail a CLI run (hadolint's <c>failure-threshold</c>), when configured.</summary>
    public DiagnosticSeverity? FailureThreshold { get; }

    /// <summary>False when <c># dockerlsp ignore=</c>, <c># hadolint ignore=</c> and <c># check=skip=</c> are to be disregarded.</summary>
    public bool InlineSuppressionsEnabled { get; }

    /// <summary>Problems found while reading the configuration files merged into this one.</summary>
    public ImmutableArray<ConfigurationProblem> Problems { get; }

    public bool HasErrors => Problems.Any(p => p.Severity == ConfigurationProblemSeverity.Error);

    /// <summary>The effective severity of <paramref name="descriptor"/>, or null when it is off.</summary>
    public DiagnosticSeverity? GetSeverity(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!descriptor.IsConfigurable) return descriptor.DefaultSeverity;
        for (var i = RuleSettings.Length - 1; i >= 0; i--)
        {
            if (descriptor.Matches(RuleSettings[i].Code)) return RuleSettings[i].Severity.ToDiagnosticSeverity();
        }
        if (CategorySeverities.TryGetValue(descriptor.Category, out var categorySeverity)) return categorySeverity.ToDiagnosticSeverity();
        return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
    }

    public bool IsEnabled(DiagnosticDescriptor descriptor) => GetSeverity(descriptor) is not null;

    /// <summary>This configuration with <paramref name="higher"/> layered on top (its settings win).</summary>
    public AnalysisConfiguration Merge(AnalysisConfiguration higher)
    {
        ArgumentNullException.ThrowIfNull(higher);
        return new AnalysisConfiguration(
            RuleSettings.AddRange(higher.RuleSettings),
            CategorySeverities.SetItems(higher.CategorySeverities),
            higher.TrustedRegistries.IsDefaultOrEmpty ? TrustedRegistries : higher.TrustedRegistries,
            higher.FailureThreshold ?? FailureThreshold,
            InlineSuppressionsEnabled && higher.InlineSuppressionsEnabled,
            Problems.AddRange(higher.Problems));
    }

    /// <summary>Merges layers given in increasing precedence.</summary>
    public static AnalysisConfiguration Combine(params IEnumerable<AnalysisConfiguration> layers) =>
        layers.Aggregate(Default, (lower, higher) => lower.Merge(higher));

    public AnalysisConfiguration WithRuleSeverity(string code, RuleSeverity severity, string source = "explicit") =>
        With(ruleSettings: RuleSettings.Add(new RuleSetting(code, severity, source)));

    public AnalysisConfiguration WithCategorySeverity(DiagnosticCategory category, RuleSeverity severity) =>
        With(categorySeverities: CategorySeverities.SetItem(category, severity));

    public AnalysisConfiguration WithTrustedRegistries(IEnumerable<string> registries) => With(trustedRegistries: registries.ToImmutableArray());

    public AnalysisConfiguration WithFailureThreshold(DiagnosticSeverity? threshold) => new(RuleSettings, CategorySeverities, TrustedRegistries, threshold, InlineSuppressionsEnabled, Problems);

    public AnalysisConfiguration WithInlineSuppressions(bool enabled) => With(inlineSuppressionsEnabled: enabled);

    public AnalysisConfiguration WithProblem(ConfigurationProblem problem) => With(problems: Problems.Add(problem));

    /// <summary>
    /// Warnings for rule codes that match no known descriptor (a typo would otherwise silently do nothing).
    /// Hosts call this with the rule catalogue once the layers are merged.
    /// </summary>
    public ImmutableArray<ConfigurationProblem> ValidateRuleCodes(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var known = descriptors.ToArray();
        return RuleSettings
            .Where(setting => !known.Any(d => d.Matches(setting.Code)))
            .Select(setting => new ConfigurationProblem(setting.Source, setting.Line, ConfigurationProblemSeverity.Warning,
                $"Unknown rule code '{setting.Code}': no DockerLsp rule has this ID or alias, so this setting has no effect."))
            .ToImmutableArray();
    }

    internal AnalysisConfiguration With(RuleSetting setting) => With(ruleSettings: RuleSettings.Add(setting));

    private AnalysisConfiguration With(
        ImmutableArray<RuleSetting>? ruleSettings = null,
        ImmutableDictionary<DiagnosticCategory, RuleSeverity>? categorySeverities = null,
        ImmutableArray<string>? trustedRegistries = null,
        bool? inlineSuppressionsEnabled = null,
        ImmutableArray<ConfigurationProblem>? problems = null) =>
        new(ruleSettings ?? RuleSettings, categorySeverities ?? CategorySeverities, trustedRegistries ?? TrustedRegistries,
            FailureThreshold, inlineSuppressionsEnabled ?? InlineSuppressionsEnabled, problems ?? Problems);
}

/// <summary>One per-rule severity setting: the code as written (ID or alias), the severity, and where it came from (file path and line, or "explicit").</summary>
public sealed record RuleSetting(string Code, RuleSeverity Severity, string Source, int Line = 0);
