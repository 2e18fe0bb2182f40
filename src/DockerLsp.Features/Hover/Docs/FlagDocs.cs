using System.Collections.Frozen;

namespace DockerLsp.Features.Hover.Docs;

/// <summary>
/// The hover text of every instruction flag, keyed by "INSTRUCTION name" (upper-case instruction, flag name without
/// dashes), plus the <c>--mount</c> types and their options. Our own wording; links go to the Dockerfile reference.
/// </summary>
public static class FlagDocs
{
    private static readonly FrozenDictionary<string, FlagDoc> s_flags = new (string Instruction, FlagDoc Doc)[]
    {
        ("FROM", new("platform", "--platform=<os>/<arch>[/<variant>]", "Selects the platform variant of a multi-platform base image, e.g. `linux/arm64`. Use `$BUILDPLATFORM` for build stages that cross-compile and `$TARGETPLATFORM` for the runtime stage.", "from")),
        ("RUN", new("mount", "--mount=type=<bind|cache|tmpfs|secret|ssh>[,option=value...]", "Mounts a file system for this `RUN` only; nothing under the mount point is committed to the layer. The default type is `bind`.", "run---mount", "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt")),
        ("RUN", new("network", "--network=<default|none|host>", "Chooses the network of the command: `default` (the build's normal network), `none` (no network at all, for hermetic steps) or `host` (the host's network; needs the `network.host` entitlement).", "run---network")),
        ("RUN", new("security", "--security=<sandbox|insecure>", "`insecure` runs the command without the sandbox (like a privileged container); it needs the `security.insecure` entitlement. `sandbox` is the default.", "run---security")),
        ("COPY", new("from", "--from=<stage name|stage index|image>", "Copies from an earlier build stage, an image, or a named build context instead of the build context.", "copy---from")),
        ("COPY", new("chown", "--chown=<user>[:<group>]", "Sets the owner of the copied files (names are looked up in the image's `/etc/passwd` and `/etc/group`; numeric IDs always work). Without it, files are owned by root.", "copy---chown---chmod")),
        ("COPY", new("chmod", "--chmod=<octal mode|symbolic mode>", "Sets the permission bits of the copied files, e.g. `0755` or `u=rwx,go=rx`.", "copy---chown---chmod")),
        ("COPY", new("link", "--link[=<boolean>]", "Copies into an independent layer that does not depend on the previous ones, so a base-image change does not invalidate it and the layer can be reused across rebuilds.", "copy---link")),
        ("COPY", new("parents", "--parents[=<boolean>]", "Keeps the parent directories of the sources under the destination (`a/b/file` lands in `<dest>/a/b/file`); `./` in a source marks where the kept path starts.", "copy---parents")),
        ("COPY", new("exclude", "--exclude=<pattern>", "Skips sources matching the pattern (`.dockerignore` syntax); may be given several times.", "copy---exclude")),
        ("ADD", new("chown", "--chown=<user>[:<group>]", "Sets the owner of the added files; without it they are owned by root.", "add---chown---chmod")),
        ("ADD", new("chmod", "--chmod=<octal mode|symbolic mode>", "Sets the permission bits of the added files.", "add---chown---chmod")),
        ("ADD", new("link", "--link[=<boolean>]", "Adds into an independent layer that survives base-image changes in the cache.", "add---link")),
        ("ADD", new("checksum", "--checksum=sha256:<hex digest>", "Verifies a remote source (HTTP URL, or a Git commit SHA for Git sources) against the given digest; the build fails on mismatch.", "add---checksum")),
        ("ADD", new("keep-git-dir", "--keep-git-dir[=<boolean>]", "Keeps the `.git` directory when adding a Git repository.", "add---keep-git-dir")),
        ("ADD", new("exclude", "--exclude=<pattern>", "Skips sources matching the pattern; may be given several times.", "add---exclude")),
        ("ADD", new("unpack", "--unpack[=<boolean>]", "Controls whether a tar archive source is extracted (local archives are by default, remote ones are not).", "add---unpack")),
        ("HEALTHCHECK", new("interval", "--interval=<duration>  (default 30s)", "Time between two checks, as a Go duration such as `30s`, `1m30s` or `500ms`.", "healthcheck")),
        ("HEALTHCHECK", new("timeout", "--timeout=<duration>  (default 30s)", "A check that runs longer than this counts as failed.", "healthcheck")),
        ("HEALTHCHECK", new("start-period", "--start-period=<duration>  (default 0s)", "Grace period after start: failures do not count towards `--retries`, and the first success ends the period.", "healthcheck")),
        ("HEALTHCHECK", new("start-interval", "--start-interval=<duration>  (default 5s)", "Time between checks during the start period.", "healthcheck")),
        ("HEALTHCHECK", new("retries", "--retries=<n>  (default 3)", "Consecutive failures needed before the container is reported unhealthy.", "healthcheck")),
    }.ToFrozenDictionary(p => p.Instruction + " " + p.Doc.Name, p => p.Doc, StringComparer.Ordinal);

    /// <summary>The mount types of <c>RUN --mount</c> and what each does.</summary>
    public static FrozenDictionary<string, FlagDoc> MountTypes { get; } = new FlagDoc[]
    {
        new("bind", "type=bind", "Mounts a directory or file from the build context, a stage or an image (read-only unless `rw`); the default type.", "run---mounttypebind"),
        new("cache", "type=cache", "Mounts a persistent cache directory shared between builds (package manager caches, compiler caches); never part of the image.", "run---mounttypecache"),
        new("tmpfs", "type=tmpfs", "Mounts an empty in-memory file system.", "run---mounttypetmpfs"),
        new("secret", "type=secret", "Exposes a secret given with `docker build --secret` as a file (default `/run/secrets/<id>`) or an environment variable, without storing it in a layer.", "run---mounttypesecret"),
        new("ssh", "type=ssh", "Forwards the SSH agent socket given with `docker build --ssh`, e.g. to clone private repositories.", "run---mounttypessh"),
    }.ToFrozenDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The options of <c>RUN --mount</c>, keyed by option name; the summary names the types that accept it.</summary>
    public static FrozenDictionary<string, FlagDoc> MountOptions { get; } = new FlagDoc[]
    {
        new("type", "type=<bind|cache|tmpfs|secret|ssh>", "The kind of mount (default `bind`).", "run---mount"),
        new("target", "target=<path>  (aliases: dst, destination)", "Where the mount appears in the container. Required for bind, cache and tmpfs; optional for secret and ssh.", "run---mount"),
        new("dst", "dst=<path>", "Alias of `target`.", "run---mount"),
        new("destination", "destination=<path>", "Alias of `target`.", "run---mount"),
        new("source", "source=<path>  (alias: src)", "Bind and cache: the path inside `from` (default: its root). Secret: same as `id`.", "run---mount"),
        new("src", "src=<path>", "Alias of `source`.", "run---mount"),
        new("from", "from=<stage|image|context>", "Bind and cache: where the source comes from (default: the build context for bind, an empty directory for cache).", "run---mount"),
        new("rw", "rw[=<boolean>]  (alias: readwrite)", "Bind: allow writes (they are discarded after the `RUN`).", "run---mounttypebind"),
        new("readwrite", "readwrite[=<boolean>]", "Alias of `rw`.", "run---mounttypebind"),
        new("ro", "ro[=<boolean>]  (alias: readonly)", "Cache: mount read-only.", "run---mounttypecache"),
        new("readonly", "readonly[=<boolean>]", "Alias of `ro`.", "run---mounttypecache"),
        new("id", "id=<string>", "Cache: identifies the cache (default: the target path), so different targets can share one. Secret and SSH: the ID given on the command line (default `default` for ssh, the target's base name for secret).", "run---mount"),
        new("sharing", "sharing=<shared|private|locked>", "Cache: how concurrent builds share it: `shared` (default), `private` (a new cache if in use) or `locked` (wait for the other writer).", "run---mounttypecache"),
        new("mode", "mode=<octal>", "Cache, secret, ssh: file mode of the mount point or file (cache `0755`, secret `0400`, ssh `0600`).", "run---mount"),
        new("uid", "uid=<number>", "Cache, secret, ssh: owner user ID (default 0).", "run---mount"),
        new("gid", "gid=<number>", "Cache, secret, ssh: owner group ID (default 0).", "run---mount"),
        new("size", "size=<bytes>", "Tmpfs: upper size limit.", "run---mounttypetmpfs"),
        new("required", "required[=<boolean>]", "Secret and SSH: fail the build when the secret or agent is not provided (default false).", "run---mounttypesecret"),
        new("env", "env=<variable>", "Secret: expose the secret as this environment variable instead of (or as well as) a file.", "run---mounttypesecret"),
    }.ToFrozenDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The doc of <paramref name="flagName"/> on <paramref name="instruction"/> (upper-case keyword), if known.</summary>
    public static FlagDoc? Find(string instruction, string flagName) =>
        s_flags.GetValueOrDefault(instruction + " " + flagName);

    /// <summary>Every known flag of one instruction.</summary>
    public static IEnumerable<FlagDoc> ForInstruction(string instruction) =>
        s_flags.Where(p => p.Key.StartsWith(instruction + " ", StringComparison.Ordinal)).Select(p => p.Value);
}
