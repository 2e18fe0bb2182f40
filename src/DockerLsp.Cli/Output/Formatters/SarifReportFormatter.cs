using System.Reflection;
using System.Text.Json;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Cli.Output.Formatters;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run whose driver lists every rule (id, name, descriptions, help URI and
/// markdown help, default level, tags; security rules carry <c>security-severity</c>), results with precise regions (1-based
/// lines, UTF-16 columns, exclusive end column) and fixes as artifact replacements. Artifact URIs are relative to the current
/// directory (uriBaseId <c>%SRCROOT%</c>) when the file is below it.
/// </summary>
public sealed class SarifReportFormatter : IReportFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(TextWriter writer, CheckReport report)
    {
        var rules = RuleCatalog.All;
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", new Uri(EnsureTrailingSlash(Directory.GetCurrentDirectory())).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var file in report.Files)
            {
                foreach (var finding in file.Findings) WriteResult(json, file, finding, ruleIndex);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "dockerlsp");
        json.WriteString("informationUri", "https://github.com/dockerlsp/dockerlsp");
        json.WriteString("semanticVersion", Version());
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("help");
            json.WriteString("text", $"{rule.Title}. See {rule.HelpLink}");
            if (RuleCatalog.GetDocumentation(rule.Id) is { } markdown) json.WriteString("markdown", markdown);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue(rule.Category.ToString().ToLowerInvariant());
            json.WriteStringValue("dockerfile");
            json.WriteEndArray();
            json.WriteString("precision", "high");
            if (rule.Category == DiagnosticCategory.Security) json.WriteString("security-severity", "6.0");
            if (!rule.Aliases.IsEmpty)
            {
                json.WriteStartArray("aliases");
                foreach (var alias in rule.Aliases) json.WriteStringValue(alias);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, FileReport file, Finding finding, Dictionary<string, int> ruleIndex)
    {
        var diagnostic = finding.Diagnostic;
        var text = file.Document.Text;
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex.TryGetValue(diagnostic.Id, out var index)) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, file.DisplayPath, text, diagnostic.Span);
        json.WriteEndObject();
        json.WriteEndArray();
        if (!diagnostic.AdditionalLocations.IsEmpty)
        {
            json.WriteStartArray("relatedLocations");
            var id = 1;
            foreach (var related in diagnostic.AdditionalLocations)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysicalLocation(json, file.DisplayPath, text, related.Span);
                json.WriteStartObject("message");
                json.WriteString("text", related.Message);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (finding.FixChanges is { TextChanges.IsDefaultOrEmpty: false } changes) WriteFix(json, file, finding.FixTitle!, changes);
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, FileReport file, string title, DocumentChanges changes)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", title);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifactLocation(json, file.DisplayPath);
        json.WriteStartArray("replacements");
        foreach (var change in changes.TextChanges)
        {
            json.WriteStartObject();
            json.WriteStartObject("deletedRegion");
            WriteRegionFields(json, file.Document.Text, change.Span);
            json.WriteEndObject();
            json.WriteStartObject("insertedContent");
            json.WriteString("text", change.NewText);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, string path, SourceText text, TextSpan span)
    {
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, path);
        json.WriteStartObject("region");
        WriteRegionFields(json, text, span);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRegionFields(Utf8JsonWriter json, SourceText text, TextSpan span)
    {
        var (line, column, endLine, endColumn) = Positions.OneBased(text, span);
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endColumn);
        json.WriteNumber("charOffset", span.Start);
        json.WriteNumber("charLength", span.Length);
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(path);
        json.WriteString("uri", uri);
        if (relative) json.WriteString("uriBaseId", "%SRCROOT%");
        json.WriteEndObject();
    }

    /// <summary>A relative URI (escaped, '/' separators) for files under the current directory, an absolute file URI otherwise.</summary>
    internal static (string Uri, bool Relative) ArtifactUri(string path)
    {
        if (path.StartsWith('<')) return (Uri.EscapeDataString(path), true);
        var full = Path.GetFullPath(path);
        var root = EnsureTrailingSlash(Directory.GetCurrentDirectory());
        if (full.StartsWith(root, StringComparison.Ordinal))
        {
            var relative = Positions.NormalizePath(full[root.Length..]);
            return (string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), true);
        }
        return (new Uri(full).AbsoluteUri, false);
    }

    private static string EnsureTrailingSlash(string directory) => directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string PascalCase(string title) =>
        string.Concat(title.Split([' ', '-', '\'', ',', '/', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Version() =>
        typeof(SarifReportFormatter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
