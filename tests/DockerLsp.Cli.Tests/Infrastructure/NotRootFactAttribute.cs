using Xunit;

namespace DockerLsp.Cli.Tests.Infrastructure;

/// <summary>
/// A fact reported as skipped (with the reason) where file permissions cannot make a file unreadable: on Windows, and
/// for root, who reads a chmod 000 file anyway. Rather than guess from the user name, it probes: it makes a temporary
/// file mode 000 and tries to read it. The same condition is always covered by an injected-failure test.
/// </summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_skipReason = new(Probe);

    public NotRootFactAttribute()
    {
        if (s_skipReason.Value is { } reason) Skip = reason;
    }

    private static string? Probe()
    {
        if (OperatingSystem.IsWindows()) return "Unix file modes are not available on Windows.";
        var path = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
            File.ReadAllBytes(path);
            return "File permissions are not enforced for this user (root): see the injected UnauthorizedAccessException test.";
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
