using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>Which variables an instruction mentions (<c>$NAME</c>, <c>${NAME...}</c>), in its whole text, heredoc bodies included.</summary>
internal static class VariableUses
{
    public static IReadOnlySet<string> Names(SyntaxTree tree, InstructionSyntax instruction) =>
        VariableReferenceScanner.Find(tree.Text.ToString(instruction.Span), tree.EscapeCharacter).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    public static bool Mentions(SyntaxTree tree, InstructionSyntax instruction, IReadOnlySet<string> names) =>
        names.Count > 0 && Names(tree, instruction).Overlaps(names);
}
