using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis;

/// <summary>
/// One immutable snapshot of a Dockerfile as the analysis engine sees it: a display path, the syntax tree (and so the text)
/// and, optionally, its build context. The semantic model is computed once, lazily and thread-safely, per snapshot.
/// Diagnostics and code fixes are always computed from the same document instance, so their spans agree.
/// </summary>
public sealed class DockerfileDocument
{
    private SemanticModel? _semanticModel;

    public DockerfileDocument(SyntaxTree syntaxTree, string? path = null, IBuildContext? buildContext = null)
    {
        ArgumentNullException.ThrowIfNull(syntaxTree);
        SyntaxTree = syntaxTree;
        Path = path;
        BuildContext = buildContext;
    }

    /// <summary>Parses <paramref name="text"/> into a new document.</summary>
    public static DockerfileDocument Create(string text, string? path = null, IBuildContext? buildContext = null) =>
        new(SyntaxTree.Parse(SourceText.From(text)), path, buildContext);

    /// <summary>The path shown in reports (may be null for an unsaved buffer or stdin).</summary>
    public string? Path { get; }
    public SyntaxTree SyntaxTree { get; }
    public SourceText Text => SyntaxTree.Text;

    /// <summary>The build context, when the host knows it; rules that need it stay silent when it is null.</summary>
    public IBuildContext? BuildContext { get; }

    public SemanticModel GetSemanticModel(CancellationToken cancellationToken = default)
    {
        var model = Volatile.Read(ref _semanticModel);
        if (model is not null) return model;
        model = SemanticModel.Create(SyntaxTree, cancellationToken);
        return Interlocked.CompareExchange(ref _semanticModel, model, null) ?? model;
    }

    /// <summary>A new document for changed text, reparsed incrementally, with the same path and build context.</summary>
    public DockerfileDocument WithText(SourceText text, CancellationToken cancellationToken = default) =>
        new(SyntaxTree.WithChangedText(text, cancellationToken), Path, BuildContext);
}
