using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// A <c>tar</c> command that extracts one archive: its file argument, the target directory (<c>-C</c>/<c>--directory</c>) if any,
/// and whether it uses only options whose effect ADD reproduces (extract, decompression, verbosity, the file and the directory).
/// Reads old-style (<c>tar xzf a.tgz</c>), short (<c>-xzf</c>, <c>-x -f a</c>) and long (<c>--extract --file=a</c>) spellings.
/// </summary>
internal sealed record TarExtraction(CommandInvocation Invocation, string Archive, string? Directory, bool IsAddEquivalent)
{
    private static readonly HashSet<char> s_addEquivalentLetters = ['x', 'z', 'j', 'J', 'v', 'f', 'C', 'a', 'o'];
    private static readonly HashSet<string> s_addEquivalentLong = new(StringComparer.Ordinal) { "extract", "get", "gzip", "gunzip", "bzip2", "xz", "zstd", "auto-compress", "verbose", "file", "directory", "no-same-owner", "ungzip" };

    public static TarExtraction? Of(CommandInvocation invocation)
    {
        if (invocation.Name != "tar") return null;
        var arguments = invocation.Arguments;
        string? archive = null, directory = null;
        var extract = false;
        var equivalent = true;
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i].Value;
            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = value.IndexOf('=');
                var name = equals >= 0 ? value[2..equals] : value[2..];
                var inline = equals >= 0 ? value[(equals + 1)..] : null;
                if (name is "extract" or "get") extract = true;
                if (name == "file") archive = inline ?? Next(arguments, ref i);
                else if (name == "directory") directory = inline ?? Next(arguments, ref i);
                else if (!s_addEquivalentLong.Contains(name)) equivalent = false;
            }
            else if (value.StartsWith('-') || (i == 0 && value.Length > 0 && value.All(char.IsAsciiLetter)))
            {
                // Short options, possibly clustered; 'f' and 'C' take the next word (or the rest of the cluster).
                var letters = value.TrimStart('-');
                for (var k = 0; k < letters.Length; k++)
                {
                    var letter = letters[k];
                    if (letter == 'x') extract = true;
                    if (!s_addEquivalentLetters.Contains(letter)) equivalent = false;
                    if (letter is 'f' or 'C')
                    {
                        var rest = letters[(k + 1)..];
                        var argument = rest.Length > 0 && value.StartsWith('-') ? rest : Next(arguments, ref i);
                        if (letter == 'f') archive = argument;
                        else directory = argument;
                        if (rest.Length > 0 && value.StartsWith('-')) break;
                    }
                }
            }
            else
            {
                // A member name: extracting only part of the archive is not what ADD does.
                equivalent = false;
            }
        }
        return extract && archive is not null && archive != "-" ? new TarExtraction(invocation, archive, directory, equivalent) : null;
    }

    private static string? Next(System.Collections.Immutable.ImmutableArray<ShellToken> arguments, ref int index) =>
        index + 1 < arguments.Length ? arguments[++index].Value : null;
}
