namespace DockerLsp.Analysis;

public sealed partial class AnalysisConfiguration
{
    /// <summary>
    /// Reads one <c>.editorconfig</c> text and keeps the sections whose glob matches <paramref name="dockerfilePath"/>
    /// (relative to the directory of <paramref name="editorConfigPath"/>, or absolute). Recognised keys, Roslyn style:
    /// <c>dockerlsp_diagnostic.&lt;ID or alias&gt;.severity</c>, <c>dockerlsp_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>
    /// and <c>dockerlsp_analyzer_diagnostic.severity</c> (every configurable rule). Other keys belong to other tools and are ignored;
    /// a malformed <c>dockerlsp_*</c> key or value is a problem. For a hierarchy of files, read each and
    /// <see cref="Merge"/> them from the outermost to the innermost.
    /// </summary>
    public static AnalysisConfiguration FromEditorConfig(string text, string editorConfigPath, string dockerfilePath) =>
        EditorConfigReader.Read(text ?? string.Empty, editorConfigPath, dockerfilePath);
}

/// <summary>Parses .editorconfig INI text and applies the DockerLsp keys of the sections that match a Dockerfile path.</summary>
internal static class EditorConfigReader
{
    private const string RulePrefix = "dockerlsp_diagnostic.";
    private const string AnalyzerPrefix = "dockerlsp_analyzer_diagnostic.";
    private const string SeveritySuffix = ".severity";

    public static AnalysisConfiguration Read(string text, string editorConfigPath, string dockerfilePath)
    {
        var configuration = AnalysisConfiguration.Default;
        var relativePath = RelativePath(editorConfigPath, dockerfilePath);
        var sectionMatches = false;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                var close = line.LastIndexOf(']');
                if (close < 0)
                {
                    configuration = configuration.WithProblem(new ConfigurationProblem(editorConfigPath, lineNumber, ConfigurationProblemSeverity.Error, $"Section header '{line}' has no closing ']'; its properties are ignored."));
                    sectionMatches = false;
                    continue;
                }
                var pattern = line[1..close];
                if (EditorConfigGlob.IsTooComplex(pattern))
                {
                    configuration = configuration.WithProblem(new ConfigurationProblem(editorConfigPath, lineNumber, ConfigurationProblemSeverity.Error,
                        $"Section pattern is too complex (over {EditorConfigGlob.MaxLength} characters or {EditorConfigGlob.MaxSpecials} wildcards and braces); its properties are ignored."));
                }
                sectionMatches = EditorConfigGlob.IsMatch(pattern, relativePath);
                continue;
            }

            var equals = line.IndexOf('=');
            var colon = line.IndexOf(':');
            var separator = equals >= 0 && (colon < 0 || equals < colon) ? equals : colon;
            if (separator < 0)
            {
                if (line.StartsWith("dockerlsp", StringComparison.OrdinalIgnoreCase))
                {
                    configuration = configuration.WithProblem(new ConfigurationProblem(editorConfigPath, lineNumber, ConfigurationProblemSeverity.Error, $"'{line}' is not of the form key = value."));
                }
                continue;
            }

            var key = line[..separator].Trim();
            var value = StripInlineComment(line[(separator + 1)..]).Trim();
            if (!key.StartsWith("dockerlsp_", StringComparison.OrdinalIgnoreCase)) continue;
            var problem = Apply(ref configuration, key, value, editorConfigPath, lineNumber, sectionMatches);
            if (problem is not null) configuration = configuration.WithProblem(problem);
        }
        return configuration;
    }

    /// <summary>Applies one dockerlsp key; malformed keys are reported even in sections that do not match, since they are typos either way.</summary>
    private static ConfigurationProblem? Apply(ref AnalysisConfiguration configuration, string key, string value, string path, int line, bool sectionMatches)
    {
        var lowerKey = key.ToLowerInvariant();
        if (!lowerKey.EndsWith(SeveritySuffix, StringComparison.Ordinal))
        {
            return new ConfigurationProblem(path, line, ConfigurationProblemSeverity.Warning, $"Unknown key '{key}': expected dockerlsp_diagnostic.<ID>.severity or dockerlsp_analyzer_diagnostic.category-<Category>.severity.");
        }

        // Roslyn allows "default" to mean "no override"; accept it as a no-op.
        if (string.Equals(value, "default", StringComparison.OrdinalIgnoreCase)) return null;
        if (!SeverityNames.TryParse(value, out var severity))
        {
            return new ConfigurationProblem(path, line, ConfigurationProblemSeverity.Error, $"Invalid severity '{value}' for '{key}': expected error, warning, info (suggestion), hint (silent) or none.");
        }

        if (lowerKey.StartsWith(RulePrefix, StringComparison.Ordinal))
        {
            var code = key[RulePrefix.Length..^SeveritySuffix.Length];
            if (code.Length == 0) return new ConfigurationProblem(path, line, ConfigurationProblemSeverity.Error, $"'{key}' names no rule.");
            if (sectionMatches) configuration = configuration.With(new RuleSetting(code, severity, path, line));
            return null;
        }

        if (lowerKey.StartsWith(AnalyzerPrefix, StringComparison.Ordinal))
        {
            var middle = key[AnalyzerPrefix.Length..^SeveritySuffix.Length];
            if (middle.Length == 0)
            {
                if (sectionMatches)
                {
                    foreach (var category in Enum.GetValues<DiagnosticCategory>()) configuration = configuration.WithCategorySeverity(category, severity);
                }
                return null;
            }
            const string categoryPrefix = "category-";
            if (middle.StartsWith(categoryPrefix, StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<DiagnosticCategory>(middle[categoryPrefix.Length..], ignoreCase: true, out var parsedCategory))
            {
                if (sectionMatches) configuration = configuration.WithCategorySeverity(parsedCategory, severity);
                return null;
            }
            return new ConfigurationProblem(path, line, ConfigurationProblemSeverity.Error,
                $"Unknown category in '{key}': expected one of {string.Join(", ", Enum.GetNames<DiagnosticCategory>())}.");
        }

        return new ConfigurationProblem(path, line, ConfigurationProblemSeverity.Warning, $"Unknown key '{key}'.");
    }

    /// <summary>EditorConfig allows comments after a value when preceded by whitespace.</summary>
    private static string StripInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1])) return value[..i];
        }
        return value;
    }

    /// <summary>The Dockerfile path relative to the .editorconfig's directory, with '/' separators (pure string work, no IO).</summary>
    internal static string RelativePath(string editorConfigPath, string dockerfilePath)
    {
        var file = dockerfilePath.Replace('\\', '/');
        var directory = editorConfigPath.Replace('\\', '/');
        var slash = directory.LastIndexOf('/');
        directory = slash >= 0 ? directory[..(slash + 1)] : string.Empty;
        if (directory.Length > 0 && file.StartsWith(directory, StringComparison.Ordinal)) return file[directory.Length..];
        return file.TrimStart('/');
    }
}
