using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Shell;

/// <summary>
/// Builds the <see cref="ShellScript"/> of a command instruction: makes the logical text and source map of each part, lexes
/// and parses it, reads command substitutions recursively and decides which heredoc bodies are shell scripts.
/// </summary>
internal static class ShellScriptBuilder
{
    private static readonly ImmutableHashSet<string> s_shells = ImmutableHashSet.Create(StringComparer.Ordinal, "sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox");

    public static ShellScript Build(CommandInstructionSyntax instruction, bool isPosix, char escape, CancellationToken cancellationToken)
    {
        var form = instruction.IsExecForm ? ShellScriptForm.ExecForm : ShellScriptForm.ShellForm;
        var script = new ShellScript(instruction, form, isPosix);
        if (!isPosix) return script;

        var tokens = new List<ShellToken>();
        var raw = new List<ShellParser.RawCommand>();
        var parts = ImmutableArray.CreateBuilder<ShellSourceMap>();
        if (instruction.ExecForm is { } exec)
        {
            BuildExecForm(exec, tokens, raw, parts, cancellationToken);
        }
        else if (instruction.ShellForm is { } shellForm)
        {
            var line = LogicalTextBuilder.Build(shellForm, escape);
            parts.Add(line);
            var lineCommands = ReadPart(line, 0, line.Text.Length, 0, tokens, raw, cancellationToken);
            AddHeredocScripts(instruction, tokens, lineCommands, raw, parts, cancellationToken);
        }
        else if (instruction.Heredocs.Any())
        {
            AddHeredocScripts(instruction, tokens, [], raw, parts, cancellationToken);
        }

        // A line that is only redirections (the "<<EOF" of a bare heredoc RUN) is not a command.
        var ordered = raw
            .Where(command => !command.Words.IsEmpty || !command.Assignments.IsEmpty)
            .Select((command, order) => (command, order))
            .OrderBy(x => x.command.Words.IsEmpty ? (x.command.Assignments.IsEmpty ? (x.command.Redirections.IsEmpty ? 0 : x.command.Redirections[0].Span.Start) : x.command.Assignments[0].Span.Start) : (x.command.Assignments.IsEmpty ? x.command.Words[0].Span.Start : x.command.Assignments[0].Span.Start))
            .ThenBy(x => x.order)
            .Select(x => x.command)
            .ToList();
        script.Commands = ordered
            .Select((c, index) => new ShellCommand(script, index, c.Assignments, c.Words, c.Redirections, c.Preceding, c.Following, c.Depth))
            .ToImmutableArray();
        script.Tokens = IsSorted(tokens) ? [.. tokens] : tokens.OrderBy(t => t.Span.Start).ToImmutableArray();
        script.Parts = parts.ToImmutable();
        return script;
    }

    private static bool IsSorted(List<ShellToken> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Span.Start < tokens[i - 1].Span.Start) return false;
        }
        return true;
    }

    /// <summary>Lexes and parses [start, end) of a part, then the command substitutions inside it one level deeper.</summary>
    private static List<ShellParser.RawCommand> ReadPart(ShellSourceMap map, int start, int end, int depth, List<ShellToken> tokens, List<ShellParser.RawCommand> raw, CancellationToken cancellationToken)
    {
        var lexer = ShellLexer.Lex(map, start, end, cancellationToken);
        if (depth == 0) tokens.AddRange(lexer.Tokens);
        var commands = ShellParser.Parse(lexer.Tokens, depth);
        raw.AddRange(commands);
        if (depth < 16)
        {
            foreach (var (innerStart, innerEnd) in lexer.Substitutions)
            {
                ReadPart(map, innerStart, innerEnd, depth + 1, tokens, raw, cancellationToken);
            }
        }
        return commands;
    }

    /// <summary>
    /// Heredoc bodies that the shell runs: every heredoc of a bare <c>RUN &lt;&lt;EOF</c> whose body has no shebang or a shell
    /// shebang, and heredocs redirected into a shell (<c>bash &lt;&lt;EOF</c>, <c>sh -e &lt;&lt;EOF</c>) that has no script argument.
    /// </summary>
    private static void AddHeredocScripts(CommandInstructionSyntax instruction, List<ShellToken> tokens, List<ShellParser.RawCommand> lineCommands, List<ShellParser.RawCommand> raw, ImmutableArray<ShellSourceMap>.Builder parts, CancellationToken cancellationToken)
    {
        var heredocs = instruction.Heredocs.ToArray();
        if (heredocs.Length == 0) return;
        var consumers = new Dictionary<string, ShellParser.RawCommand?>(StringComparer.Ordinal);
        foreach (var command in lineCommands)
        {
            for (var i = 0; i + 1 < command.Redirections.Length; i++)
            {
                if (command.Redirections[i].Text.EndsWith("<<", StringComparison.Ordinal) || command.Redirections[i].Text.EndsWith("<<-", StringComparison.Ordinal))
                {
                    consumers.TryAdd(command.Redirections[i + 1].Value, command);
                }
            }
        }

        foreach (var heredoc in heredocs)
        {
            var body = heredoc.Body;
            if (body.Kind == SyntaxKind.None || body.Text.Length == 0) continue;
            var consumer = consumers.GetValueOrDefault(heredoc.Name);
            var isScript = consumer is null || consumer.Words.IsEmpty
                ? HasShellShebangOrNone(body.Text)
                : IsShellReadingStdin(consumer);
            if (!isScript) continue;
            var map = ShellSourceMap.Contiguous(body.Text, body.Span.Start);
            parts.Add(map);
            ReadPart(map, 0, body.Text.Length, 0, tokens, raw, cancellationToken);
        }
    }

    private static bool HasShellShebangOrNone(string body)
    {
        if (!body.StartsWith("#!", StringComparison.Ordinal)) return true;
        var firstLine = body.Split('\n', 2)[0][2..].Trim();
        var words = firstLine.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return true;
        var program = Path.GetFileName(words[0]);
        if (program == "env" && words.Length > 1) program = words[1];
        return s_shells.Contains(program);
    }

    private static bool IsShellReadingStdin(ShellParser.RawCommand command)
    {
        var name = Path.GetFileName(command.Words[0].Value);
        if (!s_shells.Contains(name)) return false;
        // "bash -s", "sh -e", "bash -x" read stdin; "bash script.sh" or "sh -c '...'" do not.
        return command.Words.Skip(1).All(w => w.Value.StartsWith('-') && w.Value != "-c");
    }

    /// <summary>Exec form: the argv is one command; <c>sh -c "script"</c> also yields the script's commands.</summary>
    private static void BuildExecForm(ExecFormSyntax exec, List<ShellToken> tokens, List<ShellParser.RawCommand> raw, ImmutableArray<ShellSourceMap>.Builder parts, CancellationToken cancellationToken)
    {
        var words = ImmutableArray.CreateBuilder<ShellToken>();
        foreach (var element in exec.Elements)
        {
            var map = ElementMap(element);
            var token = new ShellToken(ShellTokenKind.Word, element.Text, element.ValueText, 0, element.ValueText.Length, map.ToDocumentSpan(0, element.ValueText.Length), true, false);
            words.Add(token);
            tokens.Add(token);
        }
        if (words.Count == 0) return;
        raw.Add(new ShellParser.RawCommand([], words.ToImmutable(), [], ShellOperator.None, ShellOperator.None, 0));

        var elements = exec.Elements.ToArray();
        if (s_shells.Contains(Path.GetFileName(elements[0].ValueText)))
        {
            for (var i = 1; i + 1 < elements.Length; i++)
            {
                if (elements[i].ValueText.StartsWith('-') && elements[i].ValueText.Contains('c'))
                {
                    var map = ElementMap(elements[i + 1]);
                    parts.Add(map);
                    ReadPart(map, 0, map.Text.Length, 1, tokens, raw, cancellationToken);
                    break;
                }
            }
        }
    }

    /// <summary>Maps a decoded JSON string to its literal; exact when the literal has no escapes, otherwise each character maps to the closest raw offset.</summary>
    private static ShellSourceMap ElementMap(SyntaxToken element)
    {
        var value = element.ValueText;
        var rawText = element.Text;
        var start = element.Span.Start + 1;
        var map = new int[value.Length + 1];
        var r = 1;
        for (var v = 0; v < value.Length; v++)
        {
            map[v] = start + Math.Min(r - 1, Math.Max(0, rawText.Length - 2));
            if (r < rawText.Length - 1 && rawText[r] == '\\')
            {
                r += rawText[r + 1] == 'u' ? 6 : 2;
            }
            else
            {
                r += char.IsHighSurrogate(value[v]) ? 1 : 1;
            }
        }
        map[value.Length] = start + Math.Max(0, Math.Min(r - 1, rawText.Length - 2));
        return new ShellSourceMap(value, map);
    }
}
