using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Syntax.Parsing;

internal sealed partial class InstructionParser
{
    private static readonly ShellWordOptions s_checkOptionsBackslash = ShellWordOptions.Default with { SkipUnsetEnv = true };
    private static readonly ShellWordOptions s_checkOptionsBacktick = s_checkOptionsBackslash with { EscapeToken = '`' };
    private static readonly System.Buffers.SearchValues<char> s_expansionSensitive = System.Buffers.SearchValues.Create("$'\"");

    /// <summary>
    /// BuildKit expands the arguments of some instructions (FROM, COPY, ENV, WORKDIR...) with its shell-word lexer at
    /// build time; text that lexer rejects (an unclosed <c>${</c>, an unterminated quote) fails the build. Shell-form
    /// RUN/CMD/ENTRYPOINT are left to the shell and not checked here.
    /// </summary>
    private void CheckExpansions(NodeSpec instruction)
    {
        if (!SyntaxFacts.ExpandsVariables(instruction.Kind)) return;
        var options = _escape == '`' ? s_checkOptionsBacktick : s_checkOptionsBackslash;
        foreach (var token in ExpandedTokens(instruction))
        {
            if (token.Missing || token.End <= token.Start) continue;
            // Only words with a '$' or a quote can fail to expand; test the span before making a string.
            var span = token.Value is { } value ? value.AsSpan() : _text.AsSpan(token.Start, token.End - token.Start);
            if (span.IndexOfAny(s_expansionSensitive) < 0) continue;
            var word = token.Value ?? _text[token.Start..token.End];
            if (IsHeredocOpener(word)) continue;
            if (ShellExpander.Validate(word, options) is not { } error) continue;
            var isQuote = error.Contains("quote", StringComparison.Ordinal);
            var id = isQuote ? SyntaxDiagnosticIds.UnterminatedQuote : SyntaxDiagnosticIds.InvalidVariableExpansion;
            var message = isQuote
                ? $"Unterminated quote in '{word}': BuildKit cannot expand this argument ({error})."
                : $"Invalid variable expansion in '{word}': {error}.";
            Report(id, message, token.Start, token.End);
        }
    }

    private static IEnumerable<TokenSpec> ExpandedTokens(NodeSpec instruction)
    {
        switch (instruction.Kind)
        {
            case SyntaxKind.FromInstruction:
                // Only the image is expanded; the stage name after AS is not.
                foreach (var image in instruction.Children.OfType<NodeSpec>().Where(n => n.Kind == SyntaxKind.ImageReference))
                {
                    foreach (var token in image.Children.OfType<TokenSpec>()) yield return token;
                }
                yield break;
            case SyntaxKind.ArgInstruction:
                foreach (var declaration in instruction.Children.OfType<NodeSpec>())
                {
                    if (declaration.Children.Count == 3 && declaration.Children[2] is TokenSpec value) yield return value;
                }
                yield break;
            case SyntaxKind.EnvInstruction:
            case SyntaxKind.LabelInstruction:
                foreach (var pair in instruction.Children.OfType<NodeSpec>())
                {
                    if (pair.Children.Count > 0 && pair.Children[^1] is TokenSpec value && value.Kind != SyntaxKind.EqualsToken) yield return value;
                }
                yield break;
            default:
                foreach (var part in instruction.Children.Skip(1))
                {
                    if (part is TokenSpec { Kind: SyntaxKind.TextToken or SyntaxKind.WordToken } direct) yield return direct;
                    if (part is NodeSpec { Kind: SyntaxKind.ArgumentList or SyntaxKind.ExecForm } list)
                    {
                        foreach (var token in list.Children.OfType<TokenSpec>())
                        {
                            if (token.Kind is SyntaxKind.WordToken or SyntaxKind.StringLiteralToken) yield return token;
                        }
                    }
                }
                yield break;
        }
    }

    private static bool IsHeredocOpener(string word)
    {
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
        return word.AsSpan(i).StartsWith("<<", StringComparison.Ordinal);
    }
}
