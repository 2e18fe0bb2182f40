using System.Text.Json.Serialization;

namespace DockerLsp.Registry;

/// <summary>
/// Source-generated JSON metadata for the on-disk cache, so the cache format is explicit and needs no reflection.
/// Adding a cached result type means adding it here.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CacheEnvelope<ResolvedDigest>))]
[JsonSerializable(typeof(CacheEnvelope<TagList>))]
[JsonSerializable(typeof(CacheEnvelope<PlatformList>))]
[JsonSerializable(typeof(CacheEnvelope<ImageConfigSummary>))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
