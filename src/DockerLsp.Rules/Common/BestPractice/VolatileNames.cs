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
        "CI_COMMIT_SHORT_SHA", "CI_PIPELINE_ID", "GITHUB_SHA", "GITHUB_RUN_NUMBER", "TIMESTAMP", "DATE", "CACHEBUST", "CACHE_BUST", "CACHEBUSTER", "SHA",
    };

    private static readonly string[] s_suffixes = ["_SHA", "_COMMIT", "_COMMIT_SHA", "_REVISION", "_TIMESTAMP", "_BUILD_DATE", "_BUILD_TIME", "_BUILD_NUMBER", "_BUILD_ID", "_VCS_REF", "_GIT_SHA", "_GIT_COMMIT"];

    public static bool IsVolatile(string name) =>
        s_exact.Contains(name) || s_suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase) && name.Length > s.Length);
}
