using DockerLsp.Analysis;
using DockerLsp.Rules;

namespace DockerLsp.Cli.Output;

/// <summary>
/// Finds and reads the configuration files of a Dockerfile (the IO that Analysis leaves to hosts) and layers them:
/// defaults &lt; <c>.hadolint.yaml</c>/<c>.hadolint.yml</c> (the nearest one in the file's directory or above, or <c>--config</c>)
/// &lt; every <c>.editorconfig</c> from the outermost (or the one marked <c>root = true</c>) to the innermost &lt; explicit
/// command-line settings. Files are read once per run and cached by path. A file that cannot be read is a configuration problem.
/// </summary>
public sealed class ConfigurationLoader
{
    private readonly Dictionary<string, AnalysisConfiguration?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly string? _hadolintPath;
    private readonly AnalysisConfiguration _explicit;
    private readonly bool _searchFiles;

    /// <param name="hadolintPath">An explicit <c>.hadolint.yaml</c>; null to search.</param>
    /// <param name="explicitSettings">Command-line settings (highest precedence).</param>
    /// <param name="searchFiles">False to ignore configuration files entirely (<c>--no-config</c>).</param>
    public ConfigurationLoader(string? hadolintPath, AnalysisConfiguration explicitSettings, bool searchFiles)
    {
        _hadolintPath = hadolintPath;
        _explicit = explicitSettings;
        _searchFiles = searchFiles;
    }

    /// <summary>The layered configuration for the Dockerfile at <paramref name="dockerfilePath"/> (standard input uses the current directory).</summary>
    public AnalysisConfiguration For(string dockerfilePath)
    {
        var full = Path.GetFullPath(dockerfilePath == "-" ? "Dockerfile" : dockerfilePath);
        var directory = Path.GetDirectoryName(full)!;
        var layers = new List<AnalysisConfiguration>();
        if (_hadolintPath is not null)
        {
            layers.Add(Read(_hadolintPath, text => AnalysisConfiguration.FromHadolintYaml(text, _hadolintPath), required: true)!);
        }
        else if (_searchFiles && FindUpwards(directory, [".hadolint.yaml", ".hadolint.yml"]) is { } hadolint)
        {
            layers.Add(Read(hadolint, text => AnalysisConfiguration.FromHadolintYaml(text, hadolint), required: false) ?? AnalysisConfiguration.Default);
        }
        if (_searchFiles)
        {
            foreach (var editorConfig in EditorConfigChain(directory))
            {
                // Parsed per Dockerfile (sections match file names), so it is not cached as a configuration.
                var text = ReadText(editorConfig);
                if (text is not null) layers.Add(AnalysisConfiguration.FromEditorConfig(text, editorConfig, full));
            }
        }
        layers.Add(_explicit);
        return AnalysisConfiguration.Combine(layers);
    }

    /// <summary>Configuration problems that are not tied to one file (unknown rule codes), checked against the catalogue.</summary>
    public static IEnumerable<ConfigurationProblem> Validate(AnalysisConfiguration configuration) =>
        configuration.ValidateRuleCodes(RuleCatalog.All);

    private AnalysisConfiguration? Read(string path, Func<string, AnalysisConfiguration> parse, bool required)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(path, out var cached)) return cached;
        }
        AnalysisConfiguration? result;
        try
        {
            result = parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            result = AnalysisConfiguration.Default.WithProblem(new ConfigurationProblem(path, 0, ConfigurationProblemSeverity.Error,
                (required ? "cannot read the configuration file: " : "cannot read: ") + exception.Message));
        }
        lock (_lock)
        {
            _cache[path] = result;
        }
        return result;
    }

    private string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindUpwards(string directory, string[] names)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(current.FullName, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The .editorconfig files that apply, outermost first, stopping at one that declares <c>root = true</c>.</summary>
    private static List<string> EditorConfigChain(string directory)
    {
        var chain = new List<string>();
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, ".editorconfig");
            if (!File.Exists(candidate)) continue;
            chain.Insert(0, candidate);
            if (DeclaresRoot(candidate)) break;
        }
        return chain;
    }

    private static bool DeclaresRoot(string path)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith('[')) return false;
                var equals = trimmed.IndexOf('=');
                if (equals > 0 && trimmed[..equals].Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
                {
                    return trimmed[(equals + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return false;
    }
}
