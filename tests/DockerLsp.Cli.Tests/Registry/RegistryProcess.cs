using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace DockerLsp.Cli.Tests.Registry;

/// <summary>
/// Copy of the Registry tests' fixture (without token auth) for CLI tests. Debian's <c>docker-registry</c> (CNCF distribution v2) run as a child process on 127.0.0.1 with a private temp
/// directory for config and storage; stopped (killed) and cleaned up on dispose. Fails loudly, with an install hint,
/// when the binary is missing: these tests must not be skipped silently.
/// </summary>
internal sealed class RegistryProcess : IAsyncDisposable
{
    /// <summary>The registry binary; <c>DOCKER_REGISTRY_BIN</c> overrides it (as in the e2e kit's registry-up.sh).</summary>
    public static readonly string Binary = Environment.GetEnvironmentVariable("DOCKER_REGISTRY_BIN") is { Length: > 0 } overridden
        ? overridden
        : "/usr/bin/docker-registry";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _directory;

    private RegistryProcess(Process process, StringBuilder output, string directory, int port)
    {
        _process = process;
        _output = output;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Authority => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public Uri BaseUri => new("http://" + Authority + "/");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

        public static async Task<RegistryProcess> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"The registry integration tests need Debian's docker-registry at {Binary}, which is missing (they are not skipped). " +
                "Install it with: apt-get update && apt-get install -y docker-registry");
        }

        var directory = Path.Combine(Path.GetTempPath(), "dockerlsp-registry-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        var port = UnusedPort();
        var config = new StringBuilder($"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {directory}/data
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:{port}
              secret: dockerlsp-test-not-a-secret
              headers:
                X-Content-Type-Options: [nosniff]

            """);
        var configPath = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(configPath, config.ToString());

        var output = new StringBuilder();
        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "serve", configPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var registry = new RegistryProcess(process, output, directory, port);
        await registry.WaitUntilReadyAsync();
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "v2/"));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        var log = Output;
        await DisposeAsync();
        throw new InvalidOperationException($"docker-registry did not come up on {Authority}. Its output:\n{log}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>A free loopback port (bound then released; the registry binds it right after).</summary>
    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
