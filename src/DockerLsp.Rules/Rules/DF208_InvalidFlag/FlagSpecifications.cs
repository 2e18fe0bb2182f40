using System.Collections.Frozen;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF208_InvalidFlag;

/// <summary>How a flag's value is checked.</summary>
internal enum FlagValueKind
{
    /// <summary>Any value (or none).</summary>
    Any,

    /// <summary>A value is required; any text.</summary>
    Text,

    /// <summary>Absent value means true; otherwise a Go boolean.</summary>
    Boolean,

    /// <summary>A Go duration (<c>30s</c>, <c>1m30s</c>), at least 1ms unless zero.</summary>
    Duration,

    /// <summary>A non-negative integer.</summary>
    NonNegativeInteger,

    /// <summary>Octal permissions (<c>755</c>, <c>0644</c>) or symbolic ones (<c>u+x,g-w</c>).</summary>
    Permissions,

    /// <summary><c>os[/arch[/variant]]</c>, comma-separated lists allowed.</summary>
    Platform,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>A <c>--mount</c> specification.</summary>
    Mount,
}

/// <summary>One flag an instruction accepts: name, value kind, the allowed words for <see cref="FlagValueKind.Choice"/>.</summary>
internal sealed record FlagSpecification(string Name, FlagValueKind Kind, params string[] Choices);

/// <summary>
/// The flags BuildKit's Dockerfile frontend (1.x stable syntax) accepts per instruction, with their value grammar. Instructions
/// not listed accept no flag at all.
/// </summary>
internal static class FlagSpecifications
{
    public static FrozenDictionary<SyntaxKind, FrozenDictionary<string, FlagSpecification>> ByInstruction { get; } = new Dictionary<SyntaxKind, FlagSpecification[]>
    {
        [SyntaxKind.FromInstruction] = [new("platform", FlagValueKind.Platform)],
        [SyntaxKind.RunInstruction] =
        [
            new("mount", FlagValueKind.Mount),
            new("network", FlagValueKind.Choice, "default", "none", "host"),
            new("security", FlagValueKind.Choice, "sandbox", "insecure"),
            new("device", FlagValueKind.Text),
        ],
        [SyntaxKind.CopyInstruction] =
        [
            new("from", FlagValueKind.Text), new("chown", FlagValueKind.Text), new("chmod", FlagValueKind.Permissions),
            new("link", FlagValueKind.Boolean), new("parents", FlagValueKind.Boolean), new("exclude", FlagValueKind.Text),
        ],
        [SyntaxKind.AddInstruction] =
        [
            new("chown", FlagValueKind.Text), new("chmod", FlagValueKind.Permissions), new("link", FlagValueKind.Boolean),
            new("checksum", FlagValueKind.Text), new("keep-git-dir", FlagValueKind.Boolean), new("exclude", FlagValueKind.Text),
            new("unpack", FlagValueKind.Boolean),
        ],
        [SyntaxKind.HealthcheckInstruction] =
        [
            new("interval", FlagValueKind.Duration), new("timeout", FlagValueKind.Duration), new("start-period", FlagValueKind.Duration),
            new("start-interval", FlagValueKind.Duration), new("retries", FlagValueKind.NonNegativeInteger),
        ],
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal));

    /// <summary>Mount types and the option keys each accepts (BuildKit's instructions/commands_runmount.go).</summary>
    public static FrozenDictionary<string, FrozenSet<string>> MountKeys { get; } = new Dictionary<string, string[]>
    {
        ["bind"] = ["type", "target", "dst", "destination", "source", "src", "from", "readonly", "ro", "readwrite", "rw"],
        ["cache"] = ["type", "target", "dst", "destination", "source", "src", "from", "readonly", "ro", "readwrite", "rw", "id", "sharing", "mode", "uid", "gid"],
        ["tmpfs"] = ["type", "target", "dst", "destination", "size"],
        ["secret"] = ["type", "target", "dst", "destination", "id", "required", "mode", "uid", "gid", "env"],
        ["ssh"] = ["type", "target", "dst", "destination", "id", "required", "mode", "uid", "gid"],
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
