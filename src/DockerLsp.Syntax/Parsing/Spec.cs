using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// The parser's intermediate result for one instruction, in logical-line coordinates: a small tree of node and token
/// specs. <see cref="GreenBuilder"/> maps it to physical text, attaches trivia and makes the green nodes.
/// </summary>
internal abstract class SpecElement;

/// <summary>A token spec: kind and logical range; <see cref="Value"/> overrides the value text (decoded JSON strings).</summary>
internal sealed class TokenSpec(SyntaxKind kind, int start, int end, string? value = null, bool missing = false) : SpecElement
{
    public SyntaxKind Kind { get; } = kind;
    public int Start { get; } = start;
    public int End { get; } = end;
    public string? Value { get; } = value;
    public bool Missing { get; } = missing;

    /// <summary>The green token made from this spec by <see cref="GreenBuilder"/> (set once, during building).</summary>
    internal GreenToken? Built { get; set; }

    public static TokenSpec MissingAt(SyntaxKind kind, int position) => new(kind, position, position, null, missing: true);
}

/// <summary>A node spec: kind and children in order.</summary>
internal sealed class NodeSpec(SyntaxKind kind) : SpecElement
{
    public SyntaxKind Kind { get; set; } = kind;
    public List<SpecElement> Children { get; } = [];
    public NodeSpec Add(SpecElement element)
    {
        Children.Add(element);
        return this;
    }
}

/// <summary>A diagnostic in logical-line coordinates.</summary>
internal readonly record struct SpecDiagnostic(string Id, DiagnosticSeverity Severity, string Message, int Start, int End);

/// <summary>A heredoc found on the instruction line, in the order its body follows.</summary>
internal sealed record HeredocSpec(HeredocInfo Info, int OpenerStart, int OpenerEnd);
