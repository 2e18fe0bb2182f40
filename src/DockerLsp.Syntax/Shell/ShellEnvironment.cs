using System.Collections.Frozen;

namespace DockerLsp.Syntax.Shell;

/// <summary>
/// An immutable dictionary-backed <see cref="IShellEnvironment"/>.
/// A repeated name keeps its last value (as BuildKit's <c>BuildEnvs</c> does).
/// In case-insensitive mode (Windows semantics) names are compared ignoring case,
/// so <c>$pwd</c> finds <c>PWD</c>.
/// </summary>
public sealed class ShellEnvironment : IShellEnvironment
{
    private readonly FrozenDictionary<string, string> _values;

    /// <summary>Creates an environment from name/value pairs; later pairs override earlier ones.</summary>
    public ShellEnvironment(IEnumerable<KeyValuePair<string, string>> variables, bool caseInsensitive = false)
    {
        var comparer = caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var values = new Dictionary<string, string>(comparer);
        foreach (var (name, value) in variables ?? [])
        {
            if (name is not null)
            {
                values[name] = value ?? "";
            }
        }

        _values = values.ToFrozenDictionary(comparer);
        IsCaseInsensitive = caseInsensitive;
    }

    /// <summary>An environment with no variables at all (every name is unset).</summary>
    public static ShellEnvironment Empty { get; } = new([]);

    /// <summary>True when names are compared ignoring case (Windows).</summary>
    public bool IsCaseInsensitive { get; }

    /// <summary>The number of distinct names.</summary>
    public int Count => _values.Count;

    /// <summary>
    /// Creates an environment from <c>name=value</c> strings, split at the first <c>=</c>;
    /// a string without <c>=</c> defines the name with an empty value.
    /// </summary>
    public static ShellEnvironment FromAssignments(IEnumerable<string> assignments, bool caseInsensitive = false)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var assignment in assignments ?? [])
        {
            if (assignment is null)
            {
                continue;
            }

            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0
                ? new(assignment, "")
                : new(assignment[..equals], assignment[(equals + 1)..]));
        }

        return new ShellEnvironment(pairs, caseInsensitive);
    }

    /// <inheritdoc/>
    public bool TryGetValue(string name, out string value)
    {
        if (name is not null && _values.TryGetValue(name, out var found))
        {
            value = found;
            return true;
        }

        value = "";
        return false;
    }
}
