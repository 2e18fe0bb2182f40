namespace DockerLsp.Registry;

/// <summary>
/// An expected failure of a registry operation: a <see cref="Kind"/> to branch on and a <see cref="Message"/> a person
/// understands (it names the registry and what to do, and never contains tokens or passwords).
/// Invariant: <see cref="RetryAt"/> and <see cref="RetryAfter"/> are set only for <see cref="RegistryErrorKind.RateLimited"/>.
/// </summary>
public sealed record RegistryError(RegistryErrorKind Kind, string Message)
{
    /// <summary>When a rate-limited registry may be asked again (absolute time, from the client's clock).</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>How long to wait, measured when the error was produced.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public override string ToString() => $"{Kind}: {Message}";

    public static RegistryError NotFound(string message) => new(RegistryErrorKind.NotFound, message);

    public static RegistryError Unauthorized(string message) => new(RegistryErrorKind.Unauthorized, message);

    public static RegistryError Unreachable(string message) => new(RegistryErrorKind.Unreachable, message);

    public static RegistryError Timeout(string message) => new(RegistryErrorKind.Timeout, message);

    public static RegistryError InvalidResponse(string message) => new(RegistryErrorKind.InvalidResponse, message);

    public static RegistryError Offline(string message) => new(RegistryErrorKind.Offline, message);

    public static RegistryError InsecureRefused(string message) => new(RegistryErrorKind.InsecureRefused, message);

    public static RegistryError InvalidReference(string message) => new(RegistryErrorKind.InvalidReference, message);

    public static RegistryError RateLimited(string message, DateTimeOffset retryAt, TimeSpan retryAfter) =>
        new(RegistryErrorKind.RateLimited, message) { RetryAt = retryAt, RetryAfter = retryAfter };
}
