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
        var instruction = at.Parent as InstructionSyntax ?? at;
        if (instruction is FromInstructionSyntax) return ResolveInFrom(model, instruction, name);
        if (model.ResolveVariable(name, instruction.Span.Start) is not { } resolution)
        {
            return PredefinedVariables.IsPredefined(name) ? new VariableInfo(name, null, VariableOrigin.Predefined, null) : null;
        }
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

    /// <summary>
    /// A FROM line sees the global ARGs declared before it and the predefined arguments (BuildKit's rule); the model's
    /// per-instruction scope describes the stage a FROM starts, so FROM lines are resolved here.
    /// </summary>
    private static VariableInfo? ResolveInFrom(SemanticModel model, InstructionSyntax from, string name)
    {
        var symbol = model.GlobalArgs.LastOrDefault(a => a.Name == name && a.NameSpan.Start < from.Span.Start);
        if (symbol is not null) return new VariableInfo(symbol.Name, symbol.Value, VariableOrigin.GlobalArg, symbol.NameSpan);
        return PredefinedVariables.IsPredefined(name) ? new VariableInfo(name, null, VariableOrigin.Predefined, null) : null;
    }

    public IReadOnlyList<StageInfo> GetStages(Document document, CancellationToken cancellationToken)
    {
        var model = EngineDocuments.For(document).GetSemanticModel(cancellationToken);
        return model.Stages.Select(stage => new StageInfo(stage.Index, stage.Name, stage.BaseText, stage.From.Span,
            stage.NameToken.Kind == SyntaxKind.None || stage.NameToken.IsMissing ? null : stage.NameToken.Span)).ToArray();
    }
}
