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
        // The tokens BuildKit expands, by instruction (plain loops: this runs for most instructions, and iterators and
        // OfType() allocated on every one).
        var children = instruction.Children;
        switch (instruction.Kind)
        {
            case SyntaxKind.FromInstruction:
                // Only the image is expanded; the stage name after AS is not.
                foreach (var child in children)
                {
                    if (child is not NodeSpec { Kind: SyntaxKind.ImageReference } image) continue;
                    foreach (var part in image.Children)
                    {
                        if (part is TokenSpec token) CheckExpansion(token, options);
                    }
                }
                return;
            case SyntaxKind.ArgInstruction:
                foreach (var child in children)
                {
                    if (child is NodeSpec { Children: [_, _, TokenSpec value] }) CheckExpansion(value, options);
                }
                return;
            case SyntaxKind.EnvInstruction:
            case SyntaxKind.LabelInstruction:
                foreach (var child in children)
                {
                    if (child is NodeSpec { Children: [.., TokenSpec value] } && value.Kind != SyntaxKind.EqualsToken) CheckExpansion(value, options);
                }
                return;
            default:
                for (var i = 1; i < children.Count; i++)
                {
                    var part = children[i];
                    if (part is TokenSpec { Kind: SyntaxKind.TextToken or SyntaxKind.WordToken } direct) CheckExpansion(direct, options);
                    if (part is NodeSpec { Kind: SyntaxKind.ArgumentList or SyntaxKind.ExecForm } list)
                    {
                        foreach (var item in list.Children)
                        {
                            if (item is TokenSpec { Kind: SyntaxKind.WordToken or SyntaxKind.StringLiteralToken } token) CheckExpansion(token, options);
                        }
                    }
                }
                return;
        }
    }

    private void CheckExpansion(TokenSpec token, ShellWordOptions options)
    {
        if (token.Missing || token.End <= token.Start) return;
        // Only words with a '$' or a quote can fail to expand; test the span before making a string.
        var span = token.Value is { } value ? value.AsSpan() : _text.AsSpan(token.Start, token.End - token.Start);
        if (span.IndexOfAny(s_expansionSensitive) < 0) return;
        var word = token.Value ?? _text[token.Start..token.End];
        if (IsHeredocOpener(word)) return;
        if (ShellExpander.Validate(word, options) is not { } error) return;
        var isQuote = error.Contains("quote", StringComparison.Ordinal);
        var id = isQuote ? SyntaxDiagnosticIds.UnterminatedQuote : SyntaxDiagnosticIds.InvalidVariableExpansion;
        var message = isQuote
            ? $"Unterminated quote in '{word}': BuildKit cannot expand this argument ({error})."
            : $"Invalid variable expansion in '{word}': {error}.";
        Report(id, message, token.Start, token.End);
    }

    private static bool IsHeredocOpener(string word)
    {
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
        return word.AsSpan(i).StartsWith("<<", StringComparison.Ordinal);
    }
}
