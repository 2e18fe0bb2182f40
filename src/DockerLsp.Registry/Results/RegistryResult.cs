using System.Diagnostics.CodeAnalysis;

namespace DockerLsp.Registry;

/// <summary>
/// The outcome of a registry operation: either a value (with where and when it was obtained) or a <see cref="RegistryError"/>.
/// Invariant: exactly one of <see cref="Value"/> and <see cref="Error"/> is non-null. Expected failures never throw;
/// only caller cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class RegistryResult<T>
    where T : notnull
{
    private RegistryResult(T? value, RegistryError? error, RegistryResultOrigin origin, DateTimeOffset retrievedAt)
    {
        Value = value;
        Error = error;
        Origin = origin;
        RetrievedAt = retrievedAt;
    }

    public T? Value { get; }

    public RegistryError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Where the value came from; meaningless for failures.</summary>
    public RegistryResultOrigin Origin { get; }

    /// <summary>When the value was fetched from the registry (earlier than now for cached values); meaningless for failures.</summary>
    public DateTimeOffset RetrievedAt { get; }

    public static RegistryResult<T> Success(T value, RegistryResultOrigin origin, DateTimeOffset retrievedAt) =>
        new(value ?? throw new ArgumentNullException(nameof(value)), null, origin, retrievedAt);

    public static RegistryResult<T> Failure(RegistryError error) =>
        new(default, error ?? throw new ArgumentNullException(nameof(error)), default, default);

    public static implicit operator RegistryResult<T>(RegistryError error) => Failure(error);

    public override string ToString() => IsSuccess ? $"{Value} ({Origin})" : Error.ToString();
}
