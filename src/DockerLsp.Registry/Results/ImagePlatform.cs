namespace DockerLsp.Registry;

/// <summary>
/// An OCI platform (<c>os/architecture[/variant]</c>, e.g. <c>linux/arm64/v8</c>). Used both to describe the
/// entries of an index and to pick one of them.
/// </summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null, string? OsVersion = null)
{
    /// <summary>The platform most Dockerfiles are built for; the default when a caller does not name one.</summary>
    public static ImagePlatform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary>True when os and architecture match and, if <paramref name="wanted"/> names a variant, the variant too.</summary>
    public bool Satisfies(ImagePlatform wanted) =>
        string.Equals(Os, wanted.Os, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Architecture, wanted.Architecture, StringComparison.OrdinalIgnoreCase)
        && (wanted.Variant is null || string.Equals(Variant, wanted.Variant, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
