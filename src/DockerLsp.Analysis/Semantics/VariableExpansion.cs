using System.Collections.Immutable;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Analysis.Semantics;

/// <summary>Expands Dockerfile words with a scope's known values (quotes removed, escapes applied), keeping references to unknown values as written.</summary>
internal static class VariableExpansion
{
    public static string Expand(string text, ImmutableDictionary<string, VariableSymbol> scope, char escape)
    {
        if (text.AsSpan().IndexOfAny(['$', '"', '\'', escape]) < 0) return text;
        var options = new ShellWordOptions { EscapeToken = escape, SkipUnsetEnv = true };
        var result = ShellWordExpander.ExpandWord(text, new ScopeEnvironment(scope), options);
        return result.Succeeded ? result.Result : text;
    }

    /// <summary>An environment view of a scope: only symbols with a known value are "set".</summary>
    private sealed class ScopeEnvironment(ImmutableDictionary<string, VariableSymbol> scope) : IShellEnvironment
    {
        public bool TryGetValue(string name, out string value)
        {
            if (scope.TryGetValue(name, out var symbol) && symbol.Value is { } known)
            {
                value = known;
                return true;
            }
            value = string.Empty;
            return false;
        }
    }
}
