using System.Collections.Immutable;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Suppression;

/// <summary>
/// The suppression comments of one syntax tree, parsed once. Instruction pragmas are the comment lines directly above an
/// instruction (a contiguous block, no blank line in between) and cover the instruction's span; global pragmas and BuildKit's
/// <c># check=skip=</c> directive cover the file. Parse errors (non-configurable descriptors) are never suppressed.
/// </summary>
public sealed class SuppressionMap
{
    private SuppressionMap(ImmutableArray<SuppressionPragma> pragmas)
    {
        Pragmas = pragmas;
    }

    public ImmutableArray<SuppressionPragma> Pragmas { get; }

    public static SuppressionMap Create(SyntaxTree tree, CancellationToken cancellationToken = default) =>
        new(PragmaParser.Parse(tree, cancellationToken));

    /// <summary>True when some pragma names the diagnostic's rule (by ID or alias) and covers its start.</summary>
    public bool IsSuppressed(Diagnostic diagnostic)
    {
        if (!diagnostic.Descriptor.IsConfigurable) return false;
        foreach (var pragma in Pragmas)
        {
            if (pragma.Scope == SuppressionScope.Instruction && pragma.InstructionSpan is { } span && !Covers(span, diagnostic.Span)) continue;
            if (Names(pragma, diagnostic.Descriptor)) return true;
        }
        return false;
    }

    /// <summary>The instruction pragma of the given syntax directly above the instruction at <paramref name="instructionStart"/>, if any.</summary>
    public SuppressionPragma? FindInstructionPragma(int instructionStart, PragmaSyntax syntax) =>
        Pragmas.FirstOrDefault(p => p.Scope == SuppressionScope.Instruction && p.Syntax == syntax && p.InstructionSpan?.Start == instructionStart);

    public SuppressionPragma? FindFilePragma(PragmaSyntax syntax) =>
        Pragmas.FirstOrDefault(p => p.Scope == SuppressionScope.File && p.Syntax == syntax);

    private static bool Covers(TextSpan instruction, TextSpan diagnostic) =>
        diagnostic.Start >= instruction.Start && diagnostic.Start < Math.Max(instruction.End, instruction.Start + 1);

    private static bool Names(SuppressionPragma pragma, DiagnosticDescriptor descriptor) => pragma.Syntax switch
    {
        PragmaSyntax.BuildKitCheck => !descriptor.BuildKitNames.IsEmpty && (pragma.All || pragma.Codes.Any(code => descriptor.BuildKitNames.Contains(code, StringComparer.Ordinal))),
        _ => pragma.Codes.Any(descriptor.Matches),
    };
}
