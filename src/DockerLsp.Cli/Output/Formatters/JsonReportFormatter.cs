using System.Text.Json;
using DockerLsp.Analysis;

namespace DockerLsp.Cli.Output.Formatters;

/// <summary>
/// A JSON array with one object per finding: <c>file, ruleId, aliases, severity, message, range{start,end{line,character}},
/// fixable, helpUri</c>. Lines are 0-based and characters UTF-16 code units, as in LSP.
/// </summary>
public sealed class JsonReportFormatter : IReportFormatter
{
    public void Write(TextWriter writer, CheckReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var file in report.Files)
            {
                foreach (var finding in file.Findings)
                {
                    var diagnostic = finding.Diagnostic;
                    var range = Positions.ToLinePositions(file.Document.Text, diagnostic.Span);
                    json.WriteStartObject();
                    json.WriteString("file", Positions.NormalizePath(file.DisplayPath));
                    json.WriteString("ruleId", diagnostic.Id);
                    json.WriteStartArray("aliases");
                    foreach (var alias in diagnostic.Descriptor.Aliases) json.WriteStringValue(alias);
                    json.WriteEndArray();
                    json.WriteString("severity", diagnostic.Severity.ToName());
                    json.WriteString("message", diagnostic.Message);
                    json.WriteStartObject("range");
                    WritePosition(json, "start", range.Start.Line, range.Start.Character);
                    WritePosition(json, "end", range.End.Line, range.End.Character);
                    json.WriteEndObject();
                    json.WriteBoolean("fixable", finding.IsFixable);
                    json.WriteString("helpUri", diagnostic.Descriptor.HelpLink);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, int line, int character)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", line);
        json.WriteNumber("character", character);
        json.WriteEndObject();
    }
}
