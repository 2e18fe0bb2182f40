using DockerLsp.Analysis.Semantics;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;

namespace DockerLsp.Features.Hover;

/// <summary>
/// <see cref="ISemanticFacts"/> answered by the analysis engine's <see cref="SemanticModel"/> (BuildKit scoping, inherited
/// ENV through <c>FROM &lt;stage&gt;</c>, expanded values), computed once per document version and shared with diagnostics.
/// </summary>
public sealed class SemanticModelFacts : ISemanticFacts
{
    public VariableInfo? ResolveVariable(Document document, InstructionSyntax at, string name, CancellationToken cancellationToken)
    {
        var model = EngineDocuments.For(document).GetSemanticModel(cancellationToken);
        var position = (at.Parent as InstructionSyntax ?? at).Span.Start;
        if (model.ResolveVariable(name, position) is not { } resolution) return null;
        var symbol = resolution.Symbol;
        var origin = symbol.Kind switch
        {
            VariableKind.GlobalArg => VariableOrigin.GlobalArg,
            VariableKind.StageArg => VariableOrigin.Arg,
            VariableKind.Env => VariableOrigin.Env,
            _ => VariableOrigin.Predefined,
        };
        return new VariableInfo(symbol.Name, resolution.Value, origin, symbol.Declaration is null ? null : symbol.NameSpan);
    }

    public IReadOnlyList<StageInfo> GetStages(Document document, CancellationToken cancellationToken)
    {
        var model = EngineDocuments.For(document).GetSemanticModel(cancellationToken);
        return model.Stages.Select(stage => new StageInfo(stage.Index, stage.Name, stage.BaseText, stage.From.Span,
            stage.NameToken.Kind == SyntaxKind.None || stage.NameToken.IsMissing ? null : stage.NameToken.Span)).ToArray();
    }
}
