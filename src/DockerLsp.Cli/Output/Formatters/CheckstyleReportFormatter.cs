using System.Xml;
using DockerLsp.Analysis;

namespace DockerLsp.Cli.Output.Formatters;

/// <summary>Checkstyle XML (version 4.3), as read by Jenkins and reviewdog: one <c>file</c> element per input, one <c>error</c> per finding, 1-based positions.</summary>
public sealed class CheckstyleReportFormatter : IReportFormatter
{
    public void Write(TextWriter writer, CheckReport report)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new System.Text.UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("checkstyle");
            xml.WriteAttributeString("version", "4.3");
            foreach (var file in report.Files)
            {
                xml.WriteStartElement("file");
                xml.WriteAttributeString("name", Positions.NormalizePath(file.DisplayPath));
                foreach (var finding in file.Findings)
                {
                    var diagnostic = finding.Diagnostic;
                    var (line, column, _, _) = Positions.OneBased(file.Document.Text, diagnostic.Span);
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("line", line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("column", column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("severity", diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" });
                    xml.WriteAttributeString("message", diagnostic.Message);
                    xml.WriteAttributeString("source", "dockerlsp." + diagnostic.Id);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }
}
