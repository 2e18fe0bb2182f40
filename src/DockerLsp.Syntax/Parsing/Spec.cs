using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// The parser's intermediate result for one instruction, in logical-line coordinates: a small tree of node and token
/// specs. <see cref="GreenBuilder"/> maps it to physical text, attaches trivia and makes the green nodes.
/// </summary>
internal abstract class SpecElement;

/// <summary>
/// A token spec: kind and logical range; <see cref="Value"/> overrides the value text (decoded JSON strings).
/// Instances come from a <see cref="SpecPool"/> and are recycled after each instruction is built.
/// </summary>
internal sealed class TokenSpec : SpecElement
{
    public SyntaxKind Kind { get; private set; }
    public int Start { get; private set; }
    public int End { get; private set; }
    public string? Value { get; private set; }
    public bool Missing { get; private set; }

    /// <summary>The green token made from this spec by <see cref="GreenBuilder"/> (set once, during building).</summary>
    internal GreenToken? Built { get; set; }

    internal TokenSpec Init(SyntaxKind kind, int start, int end, string? value, bool missing)
    {
        Kind = kind;
        Start = start;
        End = end;
        Value = value;
        Missing = missing;
        Built = null;
        return this;
    }
}

/// <summary>A node spec: kind and children in order. Pooled like <see cref="TokenSpec"/>.</summary>
internal sealed class NodeSpec : SpecElement
{
    public SyntaxKind Kind { get; set; }
    public List<SpecElement> Children { get; } = new(4);

    internal NodeSpec Init(SyntaxKind kind)
    {
        Kind = kind;
        Children.Clear();
        return this;
    }

    public NodeSpec Add(SpecElement element)
    {
        Children.Add(element);
        return this;
    }
}

/// <summary>
/// Recycles spec objects: a reader parses one instruction at a time and specs die as soon as its green nodes are built,
/// so one pool per reader removes the allocation of every intermediate object. <see cref="Reset"/> before each instruction.
/// </summary>
internal sealed class SpecPool
{
    private readonly List<TokenSpec> _tokens = [];
    private readonly List<NodeSpec> _nodes = [];
    private int _tokenCount;
    private int _nodeCount;

    public void Reset()
    {
        _tokenCount = 0;
        _nodeCount = 0;
    }

    public TokenSpec Token(SyntaxKind kind, int start, int end, string? value = null)
    {
        if (_tokenCount == _tokens.Count) _tokens.Add(new TokenSpec());
        return _tokens[_tokenCount++].Init(kind, start, end, value, missing: false);
    }

    public TokenSpec Missing(SyntaxKind kind, int position)
    {
        if (_tokenCount == _tokens.Count) _tokens.Add(new TokenSpec());
        return _tokens[_tokenCount++].Init(kind, position, position, null, missing: true);
    }

    public NodeSpec Node(SyntaxKind kind)
    {
        if (_nodeCount == _nodes.Count) _nodes.Add(new NodeSpec());
        return _nodes[_nodeCount++].Init(kind);
    }
}

/// <summary>A diagnostic in logical-line coordinates.</summary>
internal readonly record struct SpecDiagnostic(string Id, DiagnosticSeverity Severity, string Message, int Start, int End);

/// <summary>A heredoc found on the instruction line, in the order its body follows.</summary>
internal sealed record HeredocSpec(HeredocInfo Info, int OpenerStart, int OpenerEnd);
