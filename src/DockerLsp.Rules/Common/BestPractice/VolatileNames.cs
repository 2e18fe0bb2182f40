namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Names of build variables whose value changes on every build: build dates and times, commit hashes and refs, build numbers,
/// the application's own version, cache busters. Tool versions (<c>NODE_VERSION</c>, <c>ALPINE_VERSION</c>) are deliberately not
/// volatile: they change rarely, and everything that uses them must rebuild when they do.
/// </summary>
internal static class VolatileNames
{
    private static readonly HashSet<string> s_exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "VERSION", "APP_VERSION", "BUILD_VERSION", "IMAGE_VERSION", "RELEASE", "RELEASE_VERSION", "PROJECT_VERSION", "SERVICE_VERSION",
        "BUILD_DATE", "BUILD_TIME", "BUILD_TIMESTAMP", "BUILDTIME", "BUILD_DATETIME", "BUILD_NUMBER", "BUILD_ID", "BUILD_REF",
        "COMMIT", "COMMIT_SHA", "COMMIT_HASH", "COMMIT_ID", "GIT_SHA", "GIT_COMMIT", "GIT_COMMIT_SHA", "GIT_HASH", "GIT_REF", "GIT_REVISION",
        "GIT_TAG", "GIT_BRANCH", "GIT_DESCRIBE", "VCS_REF", "REVISION", "SOURCE_COMMIT", "SOURCE_DATE", "CI_COMMIT_SHA",
        "CI_COMMIT_SHORT_SHA", "CI_PIPELINE_ID", "GITHUB_SHA", "GITHUB_RUN_NUMBER", "TIMESTAMP", "DATE", "CACHEBUST", "CACHE_BUST", "CACHEBUSTER",
    };

    // '_SHA' alone is left out on purpose: RESTY_CLI_SHA and the like are checksums of pinned downloads.
    private static readonly string[] s_suffixes = ["_COMMIT", "_COMMIT_SHA", "_COMMIT_ID", "_REVISION", "_TIMESTAMP", "_BUILD_DATE", "_BUILD_TIME", "_BUILD_NUMBER", "_BUILD_ID", "_VCS_REF", "_GIT_SHA", "_GIT_COMMIT"];

    private static readonly HashSet<string> s_versionNames = new(StringComparer.OrdinalIgnoreCase) { "VERSION", "APP_VERSION", "BUILD_VERSION", "IMAGE_VERSION", "RELEASE", "RELEASE_VERSION", "PROJECT_VERSION", "SERVICE_VERSION" };

    // Defaults that say "set me at build time" rather than pin a value.
    private static readonly HashSet<string> s_placeholders = new(StringComparer.OrdinalIgnoreCase) { "", "dev", "develop", "development", "unknown", "latest", "snapshot", "0.0.0", "0.0.0-dev", "0.0.0-snapshot", "unset", "local", "none", "main", "master", "head", "undefined", "n/a" };

    public static bool IsVolatile(string name) =>
        s_exact.Contains(name) || s_suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase) && name.Length > s.Length);

    /// <summary>
    /// True when a declaration of <paramref name="name"/> with this default is per-build. A version name with a real default
    /// (<c>ARG VERSION=1.9.1</c>) pins something and changes only when edited; without a default, or with a placeholder, it is
    /// passed on each build.
    /// </summary>
    public static bool IsVolatileDeclaration(string name, string? defaultValue) =>
        IsVolatile(name) && (!s_versionNames.Contains(name) || defaultValue is null || s_placeholders.Contains(defaultValue.Trim('"', '\'', ' ')));
}
