using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// A parsed <c>.dockerignore</c>: patterns in order, <c>!</c> exceptions, and the question "is this context path excluded?",
/// answered as BuildKit does (the last matching pattern wins; a pattern that matches a directory excludes what is under it;
/// <c>*</c> and <c>?</c> stay within a path segment, <c>**</c> spans segments). Reads the ignore file's text, not the Dockerfile.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Negated)> _patterns = [];

    private DockerIgnore(bool hasExceptions)
    {
        HasExceptions = hasExceptions;
    }

    /// <summary>True when the file uses <c>!</c> exceptions (then rules stay conservative).</summary>
    public bool HasExceptions { get; }

    public static DockerIgnore Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var ignore = new DockerIgnore(lines.Any(l => l.StartsWith('!')));
        foreach (var line in lines)
        {
            var negated = line.StartsWith('!');
            var pattern = Clean(negated ? line[1..] : line);
            if (pattern.Length == 0 || ToRegex(pattern) is not { } regex) continue;
            ignore._patterns.Add((regex, negated));
        }
        return ignore;
    }

    /// <summary>True when <paramref name="path"/> (context-relative, '/'-separated) is excluded from the build context.</summary>
    public bool IsExcluded(string path)
    {
        path = Clean(path);
        var excluded = false;
        foreach (var (pattern, negated) in _patterns)
        {
            if (MatchesSelfOrParent(pattern, path)) excluded = !negated;
        }
        return excluded;
    }

    /// <summary>True when one pattern (as it would be written in the file) matches <paramref name="path"/> or a parent of it.</summary>
    public static bool PatternMatches(string pattern, string path) => ToRegex(Clean(pattern)) is { } regex && MatchesSelfOrParent(regex, Clean(path));

    private static bool MatchesSelfOrParent(Regex pattern, string path)
    {
        var segments = path.Split('/');
        for (var length = segments.Length; length > 0; length--)
        {
            if (pattern.IsMatch(string.Join('/', segments.Take(length)))) return true;
        }
        return false;
    }

    private static string Clean(string pattern)
    {
        var cleaned = pattern.Replace('\\', '/').Trim();
        while (cleaned.StartsWith("./", StringComparison.Ordinal)) cleaned = cleaned[2..];
        var normalized = ContainerPaths.Normalize(cleaned).TrimStart('/');
        return normalized == "." ? string.Empty : normalized;
    }

    /// <summary>Compiled patterns by text: .dockerignore lines and COPY sources repeat from one analysis to the next.</summary>
    private static readonly ConcurrentDictionary<string, Regex?> s_compiled = new(StringComparer.Ordinal);

    private const int MaxCompiled = 512;

    /// <summary>
    /// Patterns with more wildcards than this use the non-backtracking engine: a pattern like <c>*a*a*a…b</c> made the
    /// backtracking engine run for minutes on one path (and a regular expression cannot be cancelled), but building a
    /// non-backtracking one costs ≈ 0.5 ms against ≈ 4 µs, too much for the short patterns every analysis compiles.
    /// </summary>
    private const int MaxBacktrackingWildcards = 3;

    /// <summary>
    /// The pattern as a regular expression, or null when it is malformed (a reversed range such as <c>[z-a]</c>; BuildKit
    /// refuses such a file, and here the line is skipped).
    /// </summary>
    private static Regex? ToRegex(string pattern)
    {
        if (s_compiled.TryGetValue(pattern, out var cached)) return cached;
        var compiled = Compile(pattern);
        if (s_compiled.Count >= MaxCompiled) s_compiled.Clear();
        s_compiled[pattern] = compiled;
        return compiled;
    }

    private static Regex? Compile(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // '**/' matches any number of leading directories, including none.
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    builder.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    builder.Append(".*");
                    i++;
                }
            }
            else if (c == '*') builder.Append("[^/]*");
            else if (c == '?') builder.Append("[^/]");
            else if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                if (close < 0) builder.Append(@"\[");
                else
                {
                    var set = pattern[(i + 1)..close];
                    builder.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                }
            }
            else builder.Append(Regex.Escape(c.ToString()));
        }
        try
        {
            var options = RegexOptions.CultureInvariant;
            if (pattern.Count(c => c == '*') > MaxBacktrackingWildcards) options |= RegexOptions.NonBacktracking;
            return new Regex(builder.Append('$').ToString(), options);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
