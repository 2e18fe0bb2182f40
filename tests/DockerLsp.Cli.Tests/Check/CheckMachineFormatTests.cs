using System.Text.Json;
using System.Xml.Linq;
using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary>The machine formats: JSON (LSP-style positions), checkstyle XML, GitHub workflow commands.</summary>
public sealed class CheckMachineFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Json_has_lsp_positions_in_utf16_and_the_documented_fields()
    {
        // The emoji before the CMD is two UTF-16 code units: the JSON range must count them as two.
        var path = _temp.Write("Dockerfile", "FROM alpine:3.20\nLABEL x=\"😀\"\nCMD echo hi\nMAINTAINER me\n");
        var result = CliRunner.Run("check", "--no-config", "--format", "json", path);
        using var document = JsonDocument.Parse(result.StandardOutput);
        var findings = document.RootElement.EnumerateArray().ToArray();
        var cmd = findings.Single(f => f.GetProperty("ruleId").GetString() == "DF201");
        Assert.Equal(path, cmd.GetProperty("file").GetString());
        Assert.Equal(["DL3025", "JSONArgsRecommended"], cmd.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("warning", cmd.GetProperty("severity").GetString());
        Assert.True(cmd.GetProperty("fixable").GetBoolean());
        var range = cmd.GetProperty("range");
        Assert.Equal(2, range.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(4, range.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(11, range.GetProperty("end").GetProperty("character").GetInt32());
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "DF504");
    }

    [Fact]
    public void Json_of_a_clean_file_is_an_empty_array()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine:3.20\nUSER 1000\n");
        var result = CliRunner.Run("check", "--no-config", "-f", "json", path);
        Assert.Equal("[]", result.StandardOutput.Trim());
    }

    [Fact]
    public void Checkstyle_is_well_formed_xml()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine:3.20\nCMD echo \"<&>\"\n");
        var result = CliRunner.Run("check", "--no-config", "-f", "checkstyle", path);
        var root = XDocument.Parse(result.StandardOutput).Root!;
        Assert.Equal("checkstyle", root.Name.LocalName);
        var error = root.Element("file")!.Elements("error").Single(e => e.Attribute("source")!.Value == "dockerlsp.DF201");
        Assert.Equal("2", error.Attribute("line")!.Value);
        Assert.Equal("5", error.Attribute("column")!.Value);
        Assert.Equal("warning", error.Attribute("severity")!.Value);
    }

    [Fact]
    public void GitHub_annotations_escape_their_values()
    {
        var path = _temp.Write("a,b/Dockerfile", "FROM alpine:3.20\nCMD echo hi\n");
        var result = CliRunner.Run("check", "--no-config", "-f", "github", path);
        var line = Assert.Single(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("DF201", StringComparison.Ordinal));
        Assert.StartsWith("::warning file=", line);
        Assert.Contains("a%2Cb/Dockerfile,line=2,col=5,endLine=2,endColumn=12,title=DF201%3A Use exec form for CMD and ENTRYPOINT::CMD in shell form", line);
    }
}
