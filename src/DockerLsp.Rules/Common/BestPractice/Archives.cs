namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>File-name knowledge about archives: which ones ADD unpacks (tar, possibly compressed) and which ones are archives at all.</summary>
internal static class Archives
{
    private static readonly string[] s_tarExtensions = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tb2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tlz", ".tar.lzma", ".tar.z", ".taz", ".tz"];

    // hadolint's DL3020 list: sources with these extensions may be archives that ADD is meant to unpack.
    private static readonly string[] s_maybeArchiveExtensions = [".tar", ".z", ".bz2", ".gz", ".lz", ".lzma", ".tz", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz", ".zst", ".tzst"];

    /// <summary>True when the name says "tar archive" (compressed or not): ADD unpacks these from the build context.</summary>
    public static bool IsTarArchive(string path) => s_tarExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the name might be an archive ADD unpacks (a bare <c>.gz</c> included, since its content decides).</summary>
    public static bool MaybeArchive(string path) => s_maybeArchiveExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
