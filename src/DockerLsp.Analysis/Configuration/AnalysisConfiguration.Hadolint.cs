using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DockerLsp.Analysis;

public sealed partial class AnalysisConfiguration
{
    /// <summary>
    /// Reads a <c>.hadolint.yaml</c> text: <c>ignored</c>, <c>override</c> (error/warning/info/style lists; error wins when a code is
    /// in several), <c>failure-threshold</c>, <c>trustedRegistries</c> and <c>disable-ignore-pragma</c>. Codes are applied to
    /// rules through their hadolint aliases. Keys hadolint knows but DockerLsp does not use are accepted silently; unknown keys
    /// and malformed values become <see cref="Problems"/>, and everything that could be read still applies.
    /// </summary>
    public static AnalysisConfiguration FromHadolintYaml(string text, string path) => HadolintConfigReader.Read(text ?? string.Empty, path);
}

/// <summary>Parses hadolint's YAML configuration into an <see cref="AnalysisConfiguration"/> layer, keeping line numbers for problems.</summary>
internal static class HadolintConfigReader
{
    private static readonly ImmutableHashSet<string> s_ignoredKnownKeys = ImmutableHashSet.Create(
        StringComparer.Ordinal, "label-schema", "strict-labels", "format", "no-fail", "no-color", "verbose", "require-labels", "file-path-in-report");

    public static AnalysisConfiguration Read(string text, string path)
    {
        var configuration = AnalysisConfiguration.Default;
        var stream = new YamlStream();
        try
        {
            if (TooDeepAt(text) is { } deepLine) return InvalidYaml(configuration, path, deepLine, $"collections nested more than {MaxNesting} levels deep.");
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            return InvalidYaml(configuration, path, (int)exception.Start.Line, exception.Message);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these, not a YamlException, for some malformed streams (content after a "..." document end
            // marker, an anchor alias where a node cannot be; found by ConfigurationRobustnessTests); a half-typed file in the
            // editor must still read as "invalid", not fail every analysis.
            return InvalidYaml(configuration, path, 1, exception.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return configuration;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return configuration.WithProblem(Problem(path, stream.Documents[0].RootNode, ConfigurationProblemSeverity.Error, "The configuration must be a YAML mapping of keys to values."));
        }

        var overrides = new List<(RuleSeverity Severity, YamlNode Codes)>();
        YamlNode? ignored = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "ignored":
                    ignored = value;
                    break;
                case "override":
                    if (value is YamlMappingNode overrideMap)
                    {
                        foreach (var (levelNode, codes) in overrideMap.Children)
                        {
                            var level = (levelNode as YamlScalarNode)?.Value ?? string.Empty;
                            if (level is "error" or "warning" or "info" or "style" && SeverityNames.TryParse(level, out var severity)) overrides.Add((severity, codes));
                            else configuration = configuration.WithProblem(Problem(path, levelNode, ConfigurationProblemSeverity.Error, $"Unknown override level '{level}': expected error, warning, info or style."));
                        }
                    }
                    else if (!IsNull(value))
                    {
                        configuration = configuration.WithProblem(Problem(path, value, ConfigurationProblemSeverity.Error, "'override' must map error/warning/info/style to lists of rule codes."));
                    }
                    break;
                case "failure-threshold":
                    var threshold = (value as YamlScalarNode)?.Value;
                    if (threshold is "none" or "ignore") configuration = configuration.WithFailureThreshold(null);
                    else if (SeverityNames.TryParse(threshold, out var thresholdSeverity) && thresholdSeverity.ToDiagnosticSeverity() is { } parsed) configuration = configuration.WithFailureThreshold(parsed);
                    else configuration = configuration.WithProblem(Problem(path, value, ConfigurationProblemSeverity.Error, $"Invalid failure-threshold '{threshold}': expected error, warning, info, style, ignore or none."));
                    break;
                case "trustedRegistries":
                    var registries = ReadStrings(value, path, "trustedRegistries", ref configuration);
                    configuration = configuration.WithTrustedRegistries(registries.Select(r => r.Value));
                    break;
                case "disable-ignore-pragma":
                    var flag = (value as YamlScalarNode)?.Value;
                    if (flag is "true" or "false") configuration = configuration.WithInlineSuppressions(flag == "false");
                    else configuration = configuration.WithProblem(Problem(path, value, ConfigurationProblemSeverity.Error, "'disable-ignore-pragma' must be true or false."));
                    break;
                default:
                    if (!s_ignoredKnownKeys.Contains(key))
                    {
                        configuration = configuration.WithProblem(Problem(path, keyNode, ConfigurationProblemSeverity.Warning, $"Unknown key '{key}' is ignored."));
                    }
                    break;
            }
        }

        // hadolint applies the override lists in a chain that ends with error, so error wins; ignored codes are dropped last.
        foreach (var level in new[] { RuleSeverity.Hint, RuleSeverity.Info, RuleSeverity.Warning, RuleSeverity.Error })
        {
            foreach (var (severity, codes) in overrides.Where(o => o.Severity == level))
            {
                foreach (var (code, line) in ReadStrings(codes, path, "override." + severity.ToName(), ref configuration))
                {
                    configuration = configuration.With(new RuleSetting(code, severity, path, line));
                }
            }
        }
        if (ignored is not null)
        {
            foreach (var (code, line) in ReadStrings(ignored, path, "ignored", ref configuration))
            {
                configuration = configuration.With(new RuleSetting(code, RuleSeverity.Off, path, line));
            }
        }
        return configuration;
    }

    private static List<(string Value, int Line)> ReadStrings(YamlNode node, string path, string key, ref AnalysisConfiguration configuration)
    {
        var result = new List<(string, int)>();
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } single }:
                result.Add((single, Line(node)));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value }) result.Add((value, Line(item)));
                    else configuration = configuration.WithProblem(Problem(path, item, ConfigurationProblemSeverity.Error, $"'{key}' must contain only strings."));
                }
                break;
            default:
                if (!IsNull(node)) configuration = configuration.WithProblem(Problem(path, node, ConfigurationProblemSeverity.Error, $"'{key}' must be a string or a list of strings."));
                break;
        }
        return result;
    }

    /// <summary>The file could not be read as YAML: one problem, and none of its settings.</summary>
    private static AnalysisConfiguration InvalidYaml(AnalysisConfiguration configuration, string path, int line, string reason) =>
        configuration.WithProblem(new ConfigurationProblem(path, line, ConfigurationProblemSeverity.Error, $"Invalid YAML: {reason} No setting from this file is used."));

    /// <summary>Deeper than any hadolint configuration needs (it nests two levels).</summary>
    private const int MaxNesting = 32;

    /// <summary>
    /// The line where collections first nest deeper than <see cref="MaxNesting"/>, or null. Checked on the parser's event stream
    /// (an explicit state machine) before the representation model is built: YamlDotNet builds that model recursively, and a
    /// file of 100,000 nested <c>[</c> overflowed the stack, which no handler can catch: it ended the process.
    /// </summary>
    private static int? TooDeepAt(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart:
                    if (++depth > MaxNesting) return (int)parser.Current.Start.Line;
                    break;
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }
        return null;
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" };

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static ConfigurationProblem Problem(string path, YamlNode node, ConfigurationProblemSeverity severity, string message) =>
        new(path, Line(node), severity, message);
}
