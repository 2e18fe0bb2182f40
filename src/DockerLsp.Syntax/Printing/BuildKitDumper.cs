using System.Text;

namespace DockerLsp.Syntax.Printing;

/// <summary>
/// Prints a tree in BuildKit's AST dump format (<c>Node.Dump()</c>): one <c>(keyword ["flags"] "args"...)</c> line per
/// instruction, keywords lower-cased, values Go-quoted; directives, comments and heredoc bodies are not printed.
/// The output plus a final newline equals BuildKit's <c>result</c> files byte for byte.
/// </summary>
public static class BuildKitDumper
{
    public static string Dump(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var instruction in tree.Root.Instructions)
        {
            builder.Append('(').Append(DumpInstruction(instruction)).Append(")\n");
        }
        return builder.ToString().Trim() + "\n";
    }

    public static string DumpInstruction(InstructionSyntax instruction)
    {
        var builder = new StringBuilder(instruction.Keyword.ValueText.ToLowerInvariant());
        var flags = instruction.Flags.Select(f => GoQuote.Quote(f.BuildKitText)).ToArray();
        if (flags.Length > 0) builder.Append(" [").AppendJoin(' ', flags).Append(']');
        if (instruction is OnBuildInstructionSyntax onBuild)
        {
            if (onBuild.Trigger is { } trigger) builder.Append(" (").Append(DumpInstruction(trigger)).Append(')');
            return builder.ToString().Trim();
        }
        foreach (var argument in Arguments(instruction)) builder.Append(' ').Append(GoQuote.Quote(argument));
        return builder.ToString().Trim();
    }

    private static IEnumerable<string> Arguments(InstructionSyntax instruction)
    {
        switch (instruction)
        {
            case UnknownInstructionSyntax:
                return [string.Empty];
            case HealthcheckInstructionSyntax healthcheck:
                return healthcheck.TypeToken.Kind == SyntaxKind.None
                    ? []
                    : new[] { healthcheck.TypeToken.ValueText }.Concat(CommandArguments(healthcheck));
            case CommandInstructionSyntax command:
                return CommandArguments(command);
            case KeyValueInstructionSyntax keyValues:
                return keyValues.Pairs.SelectMany(p => new[] { p.Key, p.Value, p.IsLegacyForm ? string.Empty : "=" });
            case ArgInstructionSyntax arg:
                return arg.Declarations.Select(d => LogicalText.Of(d));
            case SingleValueInstructionSyntax single:
                return single.ValueToken.IsMissing ? [] : [single.Value];
            case CopyLikeInstructionSyntax copy:
                return copy.ArgumentValues;
            case VolumeInstructionSyntax volume:
                return volume.ExecForm?.Values ?? volume.Words.Select(w => w.ValueText).ToArray();
            default:
                // FROM, EXPOSE: every argument word in order.
                return instruction.DescendantTokens()
                    .Where(t => t.Kind is SyntaxKind.WordToken or SyntaxKind.AsKeywordToken && !t.IsMissing)
                    .Select(t => t.ValueText)
                    .ToArray();
        }
    }

    private static IEnumerable<string> CommandArguments(CommandInstructionSyntax command)
    {
        if (command.ExecForm is { } exec) return exec.Values;
        if (command.ShellForm is { } shell) return [shell.GetCommandText()];
        return [];
    }
}
