using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockerLsp.Registry;

/// <summary>
/// Two-level cache of registry answers keyed by a normalized string (e.g. <c>digest:registry-1.docker.io/library/nginx:latest</c>):
/// a process-wide dictionary in front of one JSON file per key under <c>&lt;dir&gt;/v1/</c>. It stores values with their fetch
/// time and leaves freshness decisions to the caller, which can then serve stale answers when offline.
/// Disk problems (unwritable directory, corrupt file, full disk) are logged and otherwise ignored: the cache is an
/// optimisation, never a reason to fail. The directory is created private to the user (0700) because it reveals
/// which images the user works with.
/// </summary>
internal sealed class RegistryCache
{
    // Keeps memory bounded in a long editor session; clearing everything is crude but the disk level still answers.
    private const int MaxMemoryEntries = 4096;

    private readonly string? _directory;
    private readonly RegistryLog _log;
    private readonly ConcurrentDictionary<string, (object Value, DateTimeOffset StoredAt)> _memory = new(StringComparer.Ordinal);

    /// <param name="directory">The cache root, or null for memory only.</param>
    /// <param name="log">Where disk problems are reported.</param>
    public RegistryCache(string? directory, RegistryLog log)
    {
        _directory = directory is null ? null : Path.Combine(directory, "v1");
        _log = log;
    }

    /// <summary>
    /// The cached value for <paramref name="key"/>, regardless of age: from memory, else from disk (then kept in memory).
    /// Every store writes both levels, so a memory entry is never older than this process's disk entry.
    /// </summary>
    public CachedValue<T>? Lookup<T>(string key, JsonTypeInfo<CacheEnvelope<T>> typeInfo)
        where T : class
    {
        if (_memory.TryGetValue(key, out var entry) && entry.Value is T value)
        {
            return new CachedValue<T>(value, entry.StoredAt, FromDisk: false);
        }

        var fromDisk = ReadDisk(key, typeInfo);
        if (fromDisk is not null)
        {
            _memory[key] = (fromDisk.Value, fromDisk.StoredAt);
        }

        return fromDisk;
    }

    public void Store<T>(string key, T value, DateTimeOffset storedAt, JsonTypeInfo<CacheEnvelope<T>> typeInfo)
        where T : class
    {
        if (_memory.Count >= MaxMemoryEntries)
        {
            _memory.Clear();
        }

        _memory[key] = (value, storedAt);
        WriteDisk(key, new CacheEnvelope<T>(key, storedAt, value), typeInfo);
    }

    private CachedValue<T>? ReadDisk<T>(string key, JsonTypeInfo<CacheEnvelope<T>> typeInfo)
        where T : class
    {
        if (_directory is null)
        {
            return null;
        }

        var path = FilePath(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var envelope = JsonSerializer.Deserialize(File.ReadAllBytes(path), typeInfo);
            if (envelope is null || envelope.Key != key || envelope.Value is null)
            {
                _log.Write($"ignoring cache file {path}: it does not hold the entry for '{key}'");
                return null;
            }

            return new CachedValue<T>(envelope.Value, envelope.StoredAt, FromDisk: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            _log.Write($"ignoring unreadable cache file {path}: {exception.Message}");
            return null;
        }
    }

    private void WriteDisk<T>(string key, CacheEnvelope<T> envelope, JsonTypeInfo<CacheEnvelope<T>> typeInfo)
    {
        if (_directory is null)
        {
            return;
        }

        var path = FilePath(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            CreatePrivateDirectory(_directory);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(envelope, typeInfo));
            // Write-then-rename: readers in other processes see the old file or the new one, never half of one.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _log.Write($"cannot write cache file {path}: {exception.Message}; continuing without the disk cache for it");
            TryDelete(temporary);
        }
    }

    // The name only spreads keys over file names; it need not resist collisions, because each file holds its key and ReadDisk
    // ignores a file that holds another key's entry (a collision costs a cache miss, never a wrong digest). Not SHA-256: that
    // loads OpenSSL (≈ 3.5 MiB resident in the language server) on the first lookup, even offline where nothing else needs it.
    private string FilePath(string key) =>
        Path.Combine(_directory!, Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(key))) + ".json");

    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // best effort: a stray temp file is harmless
        }
    }
}
