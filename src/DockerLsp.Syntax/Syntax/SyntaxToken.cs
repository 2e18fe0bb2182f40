using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax;

/// <summary>
/// A cheap value handle to a token in a red tree: its green token, parent node and absolute full start.
/// <c>default(SyntaxToken)</c> is the "no token" value (<see cref="Kind"/> is None).
/// </summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    internal SyntaxToken(SyntaxNode parent, GreenToken green, int position, int index)
    {
        Parent = parent;
        Green = green;
        Position = position;
        Index = index;
    }

    internal GreenToken? Green { get; }
    public SyntaxNode? Parent { get; }

    /// <summary>Absolute offset of the token's full start (leading trivia included).</summary>
    public int Position { get; }

    /// <summary>Index of the token among its parent's children.</summary>
    public int Index { get; }

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    /// <summary>The raw text exactly as in the file (may contain an embedded line continuation).</summary>
    public string Text => Green?.Text ?? string.Empty;

    /// <summary>The text BuildKit sees: continuations removed; JSON strings decoded.</summary>
    public string ValueText => Green?.ValueText ?? string.Empty;

    public bool IsMissing => Green?.IsMissing ?? false;
    public TextSpan Span => new(Position + (Green?.LeadingWidth ?? 0), Green?.Text.Length ?? 0);
    public TextSpan FullSpan => new(Position, Green?.FullWidth ?? 0);

    public IEnumerable<SyntaxTrivia> LeadingTrivia
    {
        get
        {
            if (Green is null) yield break;
            var position = Position;
            foreach (var trivia in Green.Leading)
            {
                yield return new SyntaxTrivia(this, trivia, position);
                position += trivia.FullWidth;
            }
        }
    }

    public IEnumerable<SyntaxTrivia> TrailingTrivia
    {
        get
        {
            if (Green is null) yield break;
            var position = Span.End;
            foreach (var trivia in Green.Trailing)
            {
                yield return new SyntaxTrivia(this, trivia, position);
                position += trivia.FullWidth;
            }
        }
    }

    public string ToFullString() => Green?.ToFullString() ?? string.Empty;
    public override string ToString() => Text;

    public bool Equals(SyntaxToken other) => ReferenceEquals(Green, other.Green) && Position == other.Position && ReferenceEquals(Parent, other.Parent);
    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Green, Position);
    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);
    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}

/// <summary>A value handle to one piece of trivia, with its absolute position and owning token.</summary>
public readonly struct SyntaxTrivia
{
    internal SyntaxTrivia(SyntaxToken token, GreenTrivia green, int position)
    {
        Token = token;
        Green = green;
        Position = position;
    }

    internal GreenTrivia? Green { get; }
    public SyntaxToken Token { get; }
    public int Position { get; }
    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;
    public string Text => Green?.Text ?? string.Empty;
    public TextSpan Span => new(Position, Green?.FullWidth ?? 0);
    public override string ToString() => Text;
}

/// <summary>Either a node or a token: the element type of a node's child list.</summary>
public readonly struct SyntaxNodeOrToken
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    public SyntaxNodeOrToken(SyntaxNode node) { _node = node; _token = default; }
    public SyntaxNodeOrToken(SyntaxToken token) { _node = null; _token = token; }

    public bool IsNode => _node is not null;
    public bool IsToken => _node is null && _token.Kind != SyntaxKind.None;
    public SyntaxNode? AsNode() => _node;
    public SyntaxToken AsToken() => _token;
    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;
    public TextSpan FullSpan => _node?.FullSpan ?? _token.FullSpan;
    public TextSpan Span => _node?.Span ?? _token.Span;
    public string ToFullString() => _node?.ToFullString() ?? _token.ToFullString();

    public static implicit operator SyntaxNodeOrToken(SyntaxNode node) => new(node);
    public static implicit operator SyntaxNodeOrToken(SyntaxToken token) => new(token);
}
