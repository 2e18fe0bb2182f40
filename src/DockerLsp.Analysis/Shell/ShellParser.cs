using System.Collections.Immutable;

namespace DockerLsp.Analysis.Shell;

/// <summary>
/// Groups shell tokens into simple commands. Control operators and newlines end a command; reserved words in command position
/// (<c>if then else elif fi do done while until { } !</c>) are skipped so that the commands inside compound statements are found;
/// <c>for</c>/<c>select</c> headers and <c>case</c> patterns are skipped; <c>name() { ... }</c> definitions contribute their body;
/// parentheses change the nesting depth. Leading <c>NAME=value</c> words are assignments; redirection operators take the next
/// word as their target.
/// </summary>
internal sealed class ShellParser
{
    private static readonly ImmutableHashSet<string> s_skippedReservedWords =
        ImmutableHashSet.Create(StringComparer.Ordinal, "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!", "esac", "time");

    private readonly List<RawCommand> _commands = [];
    private readonly IReadOnlyList<ShellToken> _tokens;
    private readonly int _baseDepth;

    private List<ShellToken> _assignments = [];
    private List<ShellToken> _words = [];
    private List<ShellToken> _redirections = [];
    private ShellOperator _preceding = ShellOperator.None;
    private int _depth;

    private ShellParser(IReadOnlyList<ShellToken> tokens, int baseDepth)
    {
        _tokens = tokens;
        _baseDepth = baseDepth;
    }

    /// <summary>A command before it is attached to its script.</summary>
    internal sealed record RawCommand(ImmutableArray<ShellToken> Assignments, ImmutableArray<ShellToken> Words, ImmutableArray<ShellToken> Redirections, ShellOperator Preceding, ShellOperator Following, int Depth);

    public static List<RawCommand> Parse(IReadOnlyList<ShellToken> tokens, int baseDepth)
    {
        var parser = new ShellParser(tokens, baseDepth);
        parser.Run();
        return parser._commands;
    }

    private void Run()
    {
        var expectRedirectionTarget = false;
        var skipHeaderUntilDo = false;
        var skipCaseHeader = false;
        var casePatternPending = false;
        var skipFunctionName = false;
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind == ShellTokenKind.Comment) continue;

            if (casePatternPending)
            {
                if (token.Kind == ShellTokenKind.Word && token.Value == "esac" && _words.Count == 0) casePatternPending = false;
                else if (token.Kind == ShellTokenKind.CloseParen) casePatternPending = false;
                continue;
            }
            if (skipCaseHeader)
            {
                if (token.Kind == ShellTokenKind.Word && token.Value == "in")
                {
                    skipCaseHeader = false;
                    casePatternPending = true;
                }
                continue;
            }
            if (skipHeaderUntilDo)
            {
                if (token.Kind == ShellTokenKind.Word && token.Value == "do") skipHeaderUntilDo = false;
                continue;
            }

            switch (token.Kind)
            {
                case ShellTokenKind.Word:
                    if (expectRedirectionTarget)
                    {
                        _redirections.Add(token);
                        expectRedirectionTarget = false;
                        break;
                    }
                    if (skipFunctionName)
                    {
                        skipFunctionName = false;
                        break;
                    }
                    if (_words.Count == 0 && !token.IsQuoted)
                    {
                        if (_assignments.Count == 0 && _redirections.Count == 0)
                        {
                            if (token.Value is "for" or "select")
                            {
                                skipHeaderUntilDo = true;
                                break;
                            }
                            if (token.Value == "case")
                            {
                                skipCaseHeader = true;
                                break;
                            }
                            if (token.Value == "function")
                            {
                                skipFunctionName = true;
                                break;
                            }
                            if (s_skippedReservedWords.Contains(token.Value)) break;
                        }
                        if (IsAssignment(token))
                        {
                            _assignments.Add(token);
                            break;
                        }
                    }
                    _words.Add(token);
                    break;
                case ShellTokenKind.Redirection:
                    _redirections.Add(token);
                    expectRedirectionTarget = true;
                    break;
                case ShellTokenKind.OpenParen:
                    if (_words.Count == 1 && i + 1 < _tokens.Count && _tokens[i + 1].Kind == ShellTokenKind.CloseParen)
                    {
                        // name() compound-command: a function definition; its body follows as ordinary commands.
                        _words.Clear();
                        i++;
                        break;
                    }
                    Finish(ShellOperator.None);
                    _depth++;
                    break;
                case ShellTokenKind.CloseParen:
                    Finish(ShellOperator.None);
                    _depth = Math.Max(0, _depth - 1);
                    break;
                case ShellTokenKind.Newline:
                    Finish(ShellOperator.Newline);
                    break;
                case ShellTokenKind.Operator:
                    var op = token.Text switch
                    {
                        "&&" => ShellOperator.And,
                        "||" => ShellOperator.Or,
                        "|" or "|&" => ShellOperator.Pipe,
                        "&" => ShellOperator.Background,
                        _ => ShellOperator.Semicolon,
                    };
                    Finish(op);
                    if (token.Text is ";;" or ";&" or ";;&") casePatternPending = true;
                    break;
            }
        }
        Finish(ShellOperator.None);
    }

    private void Finish(ShellOperator following)
    {
        if (_words.Count > 0 || _assignments.Count > 0 || _redirections.Count > 0)
        {
            _commands.Add(new RawCommand([.. _assignments], [.. _words], [.. _redirections], _preceding, following, _baseDepth + _depth));
            _assignments = [];
            _words = [];
            _redirections = [];
            _preceding = following;
        }
        else if (following != ShellOperator.None)
        {
            _preceding = following;
        }
    }

    /// <summary><c>NAME=value</c> with a valid shell name before '='.</summary>
    internal static bool IsAssignment(ShellToken token)
    {
        var text = token.Text;
        var equals = text.IndexOf('=');
        if (equals <= 0) return false;
        if (!(char.IsAsciiLetter(text[0]) || text[0] == '_')) return false;
        for (var i = 1; i < equals; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) return text[i] == '+' && i == equals - 1;
        }
        return true;
    }
}
