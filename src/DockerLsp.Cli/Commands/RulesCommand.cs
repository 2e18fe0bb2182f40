using System.CommandLine;
using System.Text.Json;
using DockerLsp.Analysis;
using DockerLsp.Rules;

namespace DockerLsp.Cli.Commands;

/// <summary><c>dockerlsp rules [--format text|json|markdown]</c>: lists every rule with its category, default severity, aliases and whether it has a fix.</summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text", HelpName = "text|json|markdown" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("rules", "List the rules.") { format };
        command.SetAction(result => Run(console, result.GetRequiredValue(format)));
        return command;
    }

    public static int Run(CliConsole console, string format)
    {
        var rules = RuleCatalog.All;
        switch (format)
        {
            case "json":
                WriteJson(console.Out, rules);
                break;
            case "markdown":
                console.Out.WriteLine("| ID | Title | Category | Default | Fix | hadolint | BuildKit |");
                console.Out.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
                foreach (var rule in rules)
                {
                    console.Out.WriteLine($"| [{rule.Id}](rules/{rule.Id}.md) | {rule.Title} | {rule.Category} | {DefaultText(rule)} | {(RuleCatalog.IsFixable(rule.Id) ? "yes" : "")} | {string.Join(", ", rule.HadolintIds)} | {string.Join(", ", rule.BuildKitNames)} |");
                }
                break;
            default:
                foreach (var rule in rules)
                {
                    var aliases = rule.Aliases.IsEmpty ? "" : $"  ({string.Join(", ", rule.Aliases)})";
                    console.Out.WriteLine($"{rule.Id}  {DefaultText(rule),-8} {rule.Category,-15} {(RuleCatalog.IsFixable(rule.Id) ? "fix" : "   ")}  {rule.Title}{aliases}");
                }
                break;
        }
        return ExitCodes.Success;
    }

    private static string DefaultText(DiagnosticDescriptor rule) => rule.IsEnabledByDefault ? rule.DefaultSeverity.ToName() : "off";

    private static void WriteJson(TextWriter writer, IEnumerable<DiagnosticDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("category", rule.Category.ToString());
                json.WriteString("defaultSeverity", rule.DefaultSeverity.ToName());
                json.WriteBoolean("enabledByDefault", rule.IsEnabledByDefault);
                json.WriteBoolean("configurable", rule.IsConfigurable);
                json.WriteBoolean("fixable", RuleCatalog.IsFixable(rule.Id));
                json.WriteStartArray("hadolint");
                foreach (var id in rule.HadolintIds) json.WriteStringValue(id);
                json.WriteEndArray();
                json.WriteStartArray("buildkit");
                foreach (var name in rule.BuildKitNames) json.WriteStringValue(name);
                json.WriteEndArray();
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
