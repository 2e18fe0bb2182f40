using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Hover;

/// <summary>The answer to a hover request: the text to show and the span it describes.</summary>
public sealed record HoverInfo(TextSpan Span, string Text);

/// <summary>
/// Explains what is under the cursor: instruction keywords, flags and <c>--mount</c> options, parser directives,
/// variables (value and declaration), stage names and image references. Works on one immutable document version; never
/// throws for odd positions (they are clamped or give no hover). Stateless and thread-safe.
/// </summary>
public sealed partial class HoverService
{
    private readonly ISemanticFacts _facts;

    public HoverService(ISemanticFacts? facts = null)
    {
        _facts = facts ?? new SemanticModelFacts();
    }

    public HoverInfo? GetHover(Document document, int position, HoverFormat format, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var root = document.Tree.Root;
        position = Math.Clamp(position, 0, document.Text.Length);
        foreach (var directive in root.Directives)
        {
            if (directive.Span.Contains(position)) return DirectiveHover(directive, position, format);
        }
        var instruction = root.FindInstruction(position);
        if (instruction is null) return null;
        var context = new HoverContext(document, instruction, position, format, _facts, cancellationToken);
        return HoverInInstruction(context, instruction);
    }

    private HoverInfo? HoverInInstruction(HoverContext context, InstructionSyntax instruction)
    {
        var position = context.Position;
        if (instruction is OnBuildInstructionSyntax { Trigger: { } trigger } && trigger.FullSpan.Contains(position))
        {
            return HoverInInstruction(context, trigger);
        }
        var token = instruction.FindToken(position);
        if (token.Kind == SyntaxKind.None || !token.Span.Contains(position)) return null;
        switch (token.Kind)
        {
            case SyntaxKind.KeywordToken:
                return KeywordHover(instruction, token, context.Format);
            case SyntaxKind.FlagToken when token.Parent is FlagSyntax flag:
                return FlagHover(context, instruction, flag) ?? VariableHover(context, token);
            case SyntaxKind.AsKeywordToken:
                return null;
        }
        if (instruction is FromInstructionSyntax from)
        {
            if (from.StageNameToken.Kind != SyntaxKind.None && from.StageNameToken.Span.Contains(position))
            {
                return StageDeclarationHover(context, from);
            }
            if (from.Image is { } image && image.Token.Span.Contains(position))
            {
                return VariableHover(context, token) ?? ImageHover(context, from, image);
            }
        }
        if (token.Parent is ArgDeclarationSyntax declaration && declaration.NameToken.Span.Contains(position))
        {
            return DeclarationHover(context, declaration.NameToken, declaration.Name);
        }
        if (token.Parent is KeyValuePairSyntax pair && instruction is EnvInstructionSyntax && pair.KeyToken.Span.Contains(position))
        {
            return DeclarationHover(context, pair.KeyToken, pair.Key);
        }
        if (instruction is HealthcheckInstructionSyntax healthcheck && token == healthcheck.TypeToken)
        {
            return KeywordHover(instruction, instruction.Keyword, context.Format) is { } h ? h with { Span = token.Span } : null;
        }
        return VariableHover(context, token);
    }
}

/// <summary>Everything one hover computation needs, passed between the aspect methods.</summary>
internal sealed record HoverContext(Document Document, InstructionSyntax Instruction, int Position, HoverFormat Format, ISemanticFacts Facts, CancellationToken CancellationToken);
