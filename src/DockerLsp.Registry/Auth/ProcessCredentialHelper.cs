using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace DockerLsp.Registry;

/// <summary>
/// Runs <c>docker-credential-&lt;name&gt; get</c> from PATH, writes the server URL to its stdin and reads
/// <c>{"Username": …, "Secret": …}</c>. Only used when <see cref="RegistryClientOptions.EnableCredentialHelpers"/> is on.
/// The helper name is restricted to a safe character set (it becomes part of an executable name), the run is bounded
/// by a timeout after which the process is killed, and failures answer null (anonymous) with a log line.
/// </summary>
public sealed class ProcessCredentialHelper : ICredentialHelper
{
    private readonly TimeSpan _timeout;
    private readonly RegistryLog _log;

    public ProcessCredentialHelper(TimeSpan timeout, Action<string>? log = null)
        : this(timeout, new RegistryLog(log))
    {
    }

    internal ProcessCredentialHelper(TimeSpan timeout, RegistryLog log)
    {
        _timeout = timeout;
        _log = log;
    }

    public async Task<RegistryCredential?> GetAsync(string helperName, string serverUrl, CancellationToken cancellationToken)
    {
        if (helperName.Length == 0 || !helperName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            _log.Write($"ignoring credential helper name '{helperName}': only letters, digits, '-', '_' and '.' are allowed");
            return null;
        }

        var start = new ProcessStartInfo("docker-credential-" + helperName, "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("process did not start");
        }
        catch (Win32Exception exception)
        {
            _log.Write($"cannot run docker-credential-{helperName}: {exception.Message}");
            return null;
        }

        using (process)
        {
            try
            {
                await process.StandardInput.WriteAsync(serverUrl.AsMemory(), timeout.Token).ConfigureAwait(false);
                process.StandardInput.Close();
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                var stdout = await output.ConfigureAwait(false);
                _ = await errors.ConfigureAwait(false); // stderr may echo input; it is drained, never logged
                if (process.ExitCode != 0)
                {
                    _log.Write($"docker-credential-{helperName} has no credentials for {serverUrl} (exit {process.ExitCode})");
                    return null;
                }

                return Parse(stdout, helperName);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _log.Write($"docker-credential-{helperName} did not finish within {_timeout.TotalSeconds:0.#} s; killed");
                TryKill(process);
                return null;
            }
            catch (OperationCanceledException)
            {
                TryKill(process);
                throw;
            }
            catch (IOException exception)
            {
                _log.Write($"docker-credential-{helperName} failed: {exception.Message}");
                TryKill(process);
                return null;
            }
        }
    }

    private RegistryCredential? Parse(string stdout, string helperName)
    {
        try
        {
            using var document = JsonDocument.Parse(stdout);
            var root = document.RootElement;
            var username = root.TryGetProperty("Username", out var u) ? u.GetString() : null;
            var secret = root.TryGetProperty("Secret", out var s) ? s.GetString() : null;
            if (string.IsNullOrEmpty(username) || secret is null)
            {
                return null;
            }

            if (username == "<token>")
            {
                _log.Write($"docker-credential-{helperName} returned an identity token, which is not supported; continuing anonymously");
                return null;
            }

            _log.RegisterSecret(secret);
            return new RegistryCredential(username, secret);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            _log.Write($"docker-credential-{helperName} printed something that is not a credential JSON object");
            return null;
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
