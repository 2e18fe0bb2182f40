namespace DockerLsp.Features.CodeActions.Refactorings;

/// <summary>Splits a shell command line at top-level <c>&amp;&amp;</c> (outside quotes, escapes and parentheses), the way a reader sees "one command per line".</summary>
internal static class ShellCommandSplitter
{
    public static IReadOnlyList<string> SplitAndChain(string command, char escape)
    {
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == escape && quote != '\'') { i++; continue; }
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            switch (c)
            {
                case '\'' or '"': quote = c; break;
                case '(' or '{': depth++; break;
                case ')' or '}': depth = Math.Max(0, depth - 1); break;
                case '&' when depth == 0 && i + 1 < command.Length && command[i + 1] == '&':
                    parts.Add(command[start..i].Trim());
                    start = i + 2;
                    i++;
                    break;
            }
        }
        parts.Add(command[start..].Trim());
        return parts.Any(p => p.Length == 0) ? [command.Trim()] : parts;
    }
}
