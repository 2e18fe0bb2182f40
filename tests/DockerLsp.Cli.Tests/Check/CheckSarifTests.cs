using System.Text.Json;
using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary>
/// SARIF 2.1.0 output checked against the shape the schema and GitHub code scanning require: version and $schema, a tool driver
/// with rules (id, help URI, descriptions, default level), results whose ruleIndex points at their rule, levels from the
/// schema's enumeration, 1-based regions with exclusive end columns, relative artifact URIs, and fixes as replacements.
/// </summary>
public sealed class CheckSarifTests : IDisposable
{
    private static readonly string[] s_levels = ["none", "note", "warning", "error"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private JsonElement RunSarif(string content)
    {
        var path = _temp.Write("sub/Dockerfile", content);
        var previous = Directory.GetCurrentDirectory();
        try
        {
            // Artifact URIs are relative to the current directory, as in a CI checkout.
            Directory.SetCurrentDirectory(_temp.Path);
            var result = CliRunner.Run("check", "--no-config", "-f", "sarif", Path.Combine("sub", "Dockerfile"));
            Assert.Equal(0, result.ExitCode);
            _ = path;
            return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void Sarif_has_the_required_shape()
    {
        var sarif = RunSarif("FROM alpine:3.20\nCMD echo hi\nCMD [\"b\"]\n");
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", sarif.GetProperty("$schema").GetString());
        var run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("dockerlsp", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.All(rules, rule =>
        {
            Assert.Matches("^DF[0-9]{3}$", rule.GetProperty("id").GetString());
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), s_levels);
        });
        Assert.Equal(rules.Length, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());

        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), s_levels);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("sub/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
        }
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
    }

    [Fact]
    public void Regions_are_precise_and_fixes_are_replacements()
    {
        var sarif = RunSarif("FROM alpine:3.20\nCMD echo hi\n");
        var result = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "DF201");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.Equal(5, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(12, region.GetProperty("endColumn").GetInt32());
        var fix = Assert.Single(result.GetProperty("fixes").EnumerateArray());
        var replacement = Assert.Single(Assert.Single(fix.GetProperty("artifactChanges").EnumerateArray()).GetProperty("replacements").EnumerateArray());
        Assert.Equal("[\"echo\", \"hi\"]", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        Assert.Equal(5, replacement.GetProperty("deletedRegion").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Related_locations_are_included()
    {
        var sarif = RunSarif("FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n");
        var result = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "DF203");
        var related = Assert.Single(result.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal(3, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }
}
