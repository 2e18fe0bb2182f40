using System.CommandLine;
using DockerLsp.Analysis;

namespace DockerLsp.Cli.Output;

/// <summary>Configuration options shared by <c>check</c> and <c>fix</c>, as read from the command line.</summary>
public sealed record CheckSettings(string? HadolintConfigPath, bool SearchConfigurationFiles, AnalysisConfiguration Explicit)
{
    public static CheckSettings Default { get; } = new(null, true, AnalysisConfiguration.Default);
}

/// <summary>
/// The configuration options of <c>check</c>/<c>fix</c>: <c>--config FILE</c> (a .hadolint.yaml), <c>--no-config</c>,
/// <c>--ignore ID</c> (repeatable) and <c>--severity ID=LEVEL</c> or <c>category-NAME=LEVEL</c> (repeatable). Command-line settings
/// have the highest precedence.
/// </summary>
public sealed class CheckOptions
{
    private readonly Option<string?> _config = new("--config", "-c") { Description = "A .hadolint.yaml to use instead of searching for one.", HelpName = "file" };
    private readonly Option<bool> _noConfig = new("--no-config") { Description = "Ignore .hadolint.yaml and .editorconfig files." };
    private readonly Option<string[]> _ignore = new("--ignore") { Description = "Turn a rule off (ID or hadolint/BuildKit alias); repeatable.", HelpName = "rule", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _severity = new("--severity") { Description = "Set a rule's or category's severity: DF201=error, category-Style=off; repeatable.", HelpName = "rule=level" };

    public IEnumerable<Option> All => [_config, _noConfig, _ignore, _severity];

    public static CheckOptions CreateConfigurationOptions() => new();

    public bool TryRead(ParseResult result, out CheckSettings settings, out string? error)
    {
        var configuration = AnalysisConfiguration.Default;
        foreach (var rule in result.GetValue(_ignore) ?? [])
        {
            configuration = configuration.WithRuleSeverity(rule, RuleSeverity.Off, "--ignore");
        }
        foreach (var setting in result.GetValue(_severity) ?? [])
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0 || !SeverityNames.TryParse(setting[(equals + 1)..], out var severity))
            {
                settings = CheckSettings.Default;
                error = $"invalid --severity '{setting}': expected RULE=LEVEL or category-NAME=LEVEL with LEVEL error, warning, info, hint or off";
                return false;
            }
            var key = setting[..equals].Trim();
            const string categoryPrefix = "category-";
            if (key.StartsWith(categoryPrefix, StringComparison.OrdinalIgnoreCase))
            {
                if (!Enum.TryParse<DiagnosticCategory>(key[categoryPrefix.Length..], ignoreCase: true, out var category))
                {
                    settings = CheckSettings.Default;
                    error = $"unknown category in --severity '{setting}': expected one of {string.Join(", ", Enum.GetNames<DiagnosticCategory>())}";
                    return false;
                }
                configuration = configuration.WithCategorySeverity(category, severity);
            }
            else
            {
                configuration = configuration.WithRuleSeverity(key, severity, "--severity");
            }
        }
        settings = new CheckSettings(result.GetValue(_config), !result.GetValue(_noConfig), configuration);
        error = null;
        return true;
    }
}
