using System.Collections.Frozen;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// Names BuildKit defines without a declaration. Platform args are usable in FROM and, after <c>ARG NAME</c>, in a stage; proxy
/// args reach RUN's environment without a declaration; <c>BUILDKIT_*</c> args configure the frontend.
/// </summary>
public static class PredefinedVariables
{
    public static FrozenSet<string> PlatformArgs { get; } = new[]
    {
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> ProxyArgs { get; } = new[]
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Args BuildKit reads itself; declaring them is how a Dockerfile sets them.</summary>
    public static FrozenSet<string> BuildKitArgs { get; } = new[]
    {
        "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM",
        "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX", "BUILDKIT_DOCKERFILE_CHECK", "SOURCE_DATE_EPOCH",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsPredefined(string name) =>
        PlatformArgs.Contains(name) || ProxyArgs.Contains(name) || BuildKitArgs.Contains(name) || name.StartsWith("BUILDKIT_", StringComparison.Ordinal);
}
