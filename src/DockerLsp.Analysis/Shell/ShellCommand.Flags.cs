using System.Collections.Immutable;

namespace DockerLsp.Analysis.Shell;

public sealed partial class ShellCommand
{
    /// <summary>
    /// The flags among the arguments: <c>--name[=value]</c> gives one long flag; <c>-abc</c> gives short flags a, b, c. Parsing stops
    /// at <c>--</c>. Values in the next word (<c>-o file</c>) are not attached: which flags take values depends on the tool.
    /// </summary>
    public IEnumerable<ShellFlag> GetFlags()
    {
        foreach (var argument in Arguments)
        {
            var value = argument.Value;
            if (value == "--") yield break;
            if (value.Length < 2 || value[0] != '-') continue;
            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = value.IndexOf('=');
                yield return new ShellFlag(equals >= 0 ? value[2..equals] : value[2..], true, equals >= 0 ? value[(equals + 1)..] : null, argument);
            }
            else
            {
                foreach (var letter in value[1..])
                {
                    if (!char.IsAsciiLetterOrDigit(letter)) break;
                    yield return new ShellFlag(letter.ToString(), false, null, argument);
                }
            }
        }
    }

    /// <summary>True when any of <paramref name="names"/> (written <c>-y</c> or <c>--yes</c>) is among the flags; short flags match inside clusters.</summary>
    public bool HasFlag(params string[] names)
    {
        foreach (var flag in GetFlags())
        {
            foreach (var name in names)
            {
                if (name.StartsWith("--", StringComparison.Ordinal) ? flag.IsLong && flag.Name == name[2..] : !flag.IsLong && name.Length == 2 && flag.Name[0] == name[1]) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The arguments that are not flags, skipping the value word after any flag in <paramref name="flagsWithValue"/>
    /// (written <c>-o</c> or <c>--output</c>). Stops treating words as flags after <c>--</c>.
    /// </summary>
    public ImmutableArray<ShellToken> GetPositionalArguments(IReadOnlySet<string>? flagsWithValue = null)
    {
        var result = ImmutableArray.CreateBuilder<ShellToken>();
        var endOfFlags = false;
        var skipNext = false;
        foreach (var argument in Arguments)
        {
            if (skipNext)
            {
                skipNext = false;
                continue;
            }
            var value = argument.Value;
            if (!endOfFlags && value == "--")
            {
                endOfFlags = true;
                continue;
            }
            if (!endOfFlags && value.Length > 1 && value[0] == '-')
            {
                if (flagsWithValue is not null && !value.Contains('=') && flagsWithValue.Contains(value)) skipNext = true;
                continue;
            }
            result.Add(argument);
        }
        return result.ToImmutable();
    }

    /// <summary>The first positional argument (a subcommand such as <c>install</c> in <c>apt-get -y install</c>), or null.</summary>
    public ShellToken? GetSubcommand(IReadOnlySet<string>? flagsWithValue = null)
    {
        var positional = GetPositionalArguments(flagsWithValue);
        return positional.IsEmpty ? null : positional[0];
    }
}
