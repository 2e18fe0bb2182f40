using System.Collections.Immutable;
using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// A shell command seen through its wrappers: <c>sudo</c>, <c>env</c> (with its assignments and flags), <c>nice</c>, <c>time</c>,
/// <c>nohup</c>, and the <c>python -m pip</c> / <c>python3 -m pip</c> spellings, so that <c>sudo apt-get install</c> and
/// <c>python3 -m pip install</c> are recognised as apt-get and pip. <see cref="Name"/> is normalised (<c>pip3.12</c> → <c>pip</c>);
/// <see cref="Arguments"/> are the words after the effective name, with their source spans.
/// </summary>
internal sealed class CommandInvocation
{
    private static readonly HashSet<string> s_wrappers = new(StringComparer.Ordinal) { "sudo", "env", "nice", "nohup", "time", "command", "eatmydata", "stdbuf", "ionice" };

    private CommandInvocation(ShellCommand command, string name, ShellToken nameToken, ImmutableArray<ShellToken> arguments)
    {
        Command = command;
        Name = name;
        NameToken = nameToken;
        Arguments = arguments;
    }

    public ShellCommand Command { get; }
    public string Name { get; }
    public ShellToken NameToken { get; }
    public ImmutableArray<ShellToken> Arguments { get; }

    public static CommandInvocation? Of(ShellCommand command)
    {
        var words = command.Words;
        var index = 0;
        while (index < words.Length && s_wrappers.Contains(BaseName(words[index].Value)))
        {
            index++;
            // Wrapper options and env's NAME=value words come before the wrapped command.
            while (index < words.Length && (words[index].Value.StartsWith('-') || words[index].Value.Contains('='))) index++;
        }
        if (index >= words.Length) return null;
        var name = BaseName(words[index].Value);
        var nameToken = words[index];
        if (name.StartsWith("python", StringComparison.Ordinal) && index + 2 < words.Length && words[index + 1].Value == "-m")
        {
            name = words[index + 2].Value;
            nameToken = words[index + 2];
            index += 2;
        }
        return new CommandInvocation(command, Normalize(name), nameToken, words.RemoveRange(0, index + 1));
    }

    /// <summary>All commands of a script seen through their wrappers, in order.</summary>
    public static IEnumerable<CommandInvocation> All(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (Of(command) is { } invocation) yield return invocation;
        }
    }

    /// <summary>The arguments that are not flags, skipping the values of <paramref name="flagsWithValue"/> given as a separate word.</summary>
    public ImmutableArray<ShellToken> Positionals(IReadOnlySet<string>? flagsWithValue = null)
    {
        var result = ImmutableArray.CreateBuilder<ShellToken>();
        var endOfFlags = false;
        for (var i = 0; i < Arguments.Length; i++)
        {
            var value = Arguments[i].Value;
            if (!endOfFlags && value == "--")
            {
                endOfFlags = true;
                continue;
            }
            if (!endOfFlags && value.Length > 1 && value[0] == '-')
            {
                if (flagsWithValue is not null && !value.Contains('=') && flagsWithValue.Contains(value)) i++;
                continue;
            }
            result.Add(Arguments[i]);
        }
        return result.ToImmutable();
    }

    /// <summary>The first positional argument, such as <c>install</c> in <c>apt-get -y install</c>.</summary>
    public ShellToken? Subcommand(IReadOnlySet<string>? flagsWithValue = null)
    {
        var positionals = Positionals(flagsWithValue);
        return positionals.IsEmpty ? null : positionals[0];
    }

    /// <summary>True when one of <paramref name="names"/> is given: long names exactly (<c>--yes</c>, also <c>--opt=value</c>), short names also inside clusters (<c>-qy</c>).</summary>
    public bool HasFlag(params string[] names)
    {
        foreach (var argument in Arguments)
        {
            var value = argument.Value;
            if (value == "--") return false;
            if (value.Length < 2 || value[0] != '-') continue;
            foreach (var name in names)
            {
                if (name.StartsWith("--", StringComparison.Ordinal))
                {
                    if (value == name || value.StartsWith(name + "=", StringComparison.Ordinal)) return true;
                }
                else if (!value.StartsWith("--", StringComparison.Ordinal) && value.AsSpan(1).Contains(name[1]) && value.Skip(1).All(char.IsAsciiLetterOrDigit))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The value of <c>--name=value</c> or <c>--name value</c> / <c>-n value</c>, or null.</summary>
    public string? FlagValue(params string[] names)
    {
        for (var i = 0; i < Arguments.Length; i++)
        {
            var value = Arguments[i].Value;
            foreach (var name in names)
            {
                if (value.StartsWith(name + "=", StringComparison.Ordinal)) return value[(name.Length + 1)..];
                if (value == name && i + 1 < Arguments.Length) return Arguments[i + 1].Value;
            }
        }
        return null;
    }

    private static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    /// <summary><c>pip3</c>, <c>pip3.12</c> → <c>pip</c>; other names unchanged.</summary>
    private static string Normalize(string name)
    {
        if (name.StartsWith("pip", StringComparison.Ordinal) && name[3..].All(c => char.IsAsciiDigit(c) || c == '.')) return "pip";
        return name;
    }

    public override string ToString() => Name + " " + string.Join(' ', Arguments.Select(a => a.Value));
}
