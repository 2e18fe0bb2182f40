using System.Diagnostics;
using System.Text.Json.Nodes;
using DockerLsp.TestUtilities;

namespace DockerLsp.Server.Tests.EndToEnd;

/// <summary>
/// Runs the real <c>dockerlsp</c> apphost under real LSP clients from the shared kit: headless Neovim 0.7.2 (push
/// diagnostics, hover, a code action applied as a literal edit or through a command + <c>workspace/applyEdit</c>,
/// diagnostics re-published) and the node client built on <c>vscode-languageserver-protocol</c> (pull diagnostics,
/// configuration). Missing tools fail the test with the provisioning command; nothing is skipped.
/// </summary>
public sealed class EditorClientTests
{
    private static readonly string Kit = Environment.GetEnvironmentVariable("DOCKERLSP_E2E_KIT") ?? "/tmp/dockerlsp-e2e-kit";

    [Fact]
    public async Task NeovimAppliesAQuickFixAndSeesDiagnosticsRepublished()
    {
        var report = await RunNeovimAsync(new Dictionary<string, string> { ["E2E_HOVER_POS"] = "3:1", ["E2E_ACTION_MATCH"] = "Change to 'RUN'" });
        AssertChecks(report, "initialized", "diagnostics_received", "diagnostics_nonempty", "hover_nonempty", "code_actions_nonempty", "action_applied", "buffer_changed", "diagnostics_republished", "shutdown_clean");
        Assert.Equal("CodeAction.edit", (string?)report["applied"]!["via"]);
        Assert.Contains("RUN echo hi", (string?)report["text_after"]);
        Assert.Contains(report["diagnostics_raw"]!.AsArray(), d => (string?)d!["code"] == "DF101" && (string?)d["source"] == "dockerlsp");
    }

    [Fact]
    public async Task NeovimWithoutCodeActionLiteralsAppliesTheFixThroughApplyEdit()
    {
        var report = await RunNeovimAsync(new Dictionary<string, string> { ["E2E_NO_CODE_ACTION_LITERALS"] = "1", ["E2E_ACTION_MATCH"] = "Change to 'RUN'" });
        AssertChecks(report, "code_actions_nonempty", "action_applied", "buffer_changed", "diagnostics_republished", "shutdown_clean");
        Assert.NotEmpty(report["apply_edit_requests"]!.AsArray());
    }

    [Fact]
    public async Task VsCodeProtocolClientPullsDiagnosticsAndIsAskedForConfiguration()
    {
        var report = await RunKitAsync("node", ["node-lsp-client.mjs", $"{ServerApphost.Path} --stdio --stdio", Fixture(), "{out}"], new Dictionary<string, string>
        {
            ["E2E_SETTINGS_JSON"] = "{\"dockerlsp\":{\"rules\":{}}}",
        });
        Assert.Equal("pull", (string?)report["diagnostics_model"]);
        AssertChecks(report, "initialized", "diagnostics_nonempty", "hover_nonempty", "code_actions_nonempty", "shutdown_clean");
        Assert.Contains(report["server_requests"]!.AsArray(), r => ((string?)r!["method"] ?? r.ToJsonString()).Contains("workspace/configuration", StringComparison.Ordinal));
    }

    private static Task<JsonObject> RunNeovimAsync(Dictionary<string, string> environment)
    {
        RequireTool("nvim", "apt-get install -y neovim (or run tests/e2e/provision.sh)");
        return RunKitAsync(Path.Combine(Kit, "nvim-e2e.sh"), [$"{ServerApphost.Path} --stdio", Fixture(), "{out}"], environment);
    }

    private static async Task<JsonObject> RunKitAsync(string program, string[] arguments, Dictionary<string, string> environment)
    {
        Assert.True(Directory.Exists(Path.Combine(Kit, "node_modules", "vscode-languageserver-protocol")),
            $"The e2e kit is not provisioned in {Kit}: run tests/e2e/provision.sh (copies ../shared/e2e and runs npm ci).");
        var output = Path.Combine(Path.GetTempPath(), $"dockerlsp-e2e-{Guid.NewGuid():N}.json");
        var info = new ProcessStartInfo(program) { WorkingDirectory = Kit, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument.Replace("{out}", output, StringComparison.Ordinal));
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(File.Exists(output), $"{program} wrote no report (exit {process.ExitCode}).\n{await stderr}\n{await stdout}");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
        File.Delete(output);
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}; failed checks: {report["failed_checks"]?.ToJsonString()}; errors: {report["errors"]?.ToJsonString()}\n{await stderr}");
        return report;
    }

    private static void AssertChecks(JsonObject report, params string[] checks)
    {
        foreach (var check in checks) Assert.True((bool?)report["checks"]?[check] == true, $"check '{check}' failed: {report["checks"]?.ToJsonString()}");
    }

    private static string Fixture()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"dockerlsp-e2e-{Guid.NewGuid():N}", "Dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(Corpus.RepoRoot, "tests", "e2e", "fixtures", "Dockerfile"), copy);
        return copy;
    }

    private static void RequireTool(string tool, string howToInstall)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
        Assert.True(found, $"'{tool}' is not installed: {howToInstall}.");
    }
}
