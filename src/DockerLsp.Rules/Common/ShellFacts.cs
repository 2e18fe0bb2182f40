using System.Text;
using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common;

/// <summary>Questions rules ask about a shell script, answered from the shell model (never by scanning text).</summary>
internal static class ShellFacts
{
    /// <summary>
    /// True when the script needs a shell to mean what it says: operators, redirections, parentheses, comments, expansions,
    /// unquoted glob characters or a leading <c>~</c>, assignments, or more than one command. Such a script cannot become an
    /// exec-form array word for word.
    /// </summary>
    public static bool NeedsShell(ShellScript script)
    {
        if (script.Commands.Length != 1) return true;
        var command = script.Commands[0];
        if (!command.Assignments.IsEmpty || !command.Redirections.IsEmpty) return true;
        foreach (var token in script.Tokens)
        {
            if (token.Kind != ShellTokenKind.Word || token.HasExpansion) return true;
            if (!token.IsQuoted && (token.Text.IndexOfAny(['*', '?', '[', '{', '}']) >= 0 || token.Text.StartsWith('~'))) return true;
        }
        return command.Name is "if" or "for" or "while" or "until" or "case" or "exec" or "set" or "export" or "cd" or "." or "source";
    }

    /// <summary>The JSON string literal of <paramref name="value"/>, escaped as Go's json encoder would accept it.</summary>
    public static string JsonString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20) builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A JSON array of the given strings, <c>["a", "b"]</c>.</summary>
    public static string JsonArray(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(JsonString)) + "]";

    private static readonly HashSet<string> s_compoundWords = new(StringComparer.Ordinal) { "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "case", "esac", "{", "}", "function", "select" };

    /// <summary>True when the script uses compound commands (if, loops, case, groups, subshells), where moving or inserting words is unsafe.</summary>
    public static bool HasCompoundCommands(ShellScript script) =>
        script.Tokens.Any(t => t.Kind is ShellTokenKind.OpenParen or ShellTokenKind.CloseParen || (t.Kind == ShellTokenKind.Word && !t.IsQuoted && s_compoundWords.Contains(t.Text)));

    /// <summary>The last top-level command of the script: the one that would become PID 1's replacement with <c>exec</c>.</summary>
    public static ShellCommand? LastTopLevelCommand(ShellScript script) =>
        script.Commands.Where(c => c.Depth == 0).LastOrDefault();
}
