using System.Globalization;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Features.Hover;

/// <summary>Hover on variable references and declarations: the value at that point and where it comes from.</summary>
public sealed partial class HoverService
{
    private static HoverInfo? VariableHover(HoverContext context, SyntaxToken token)
    {
        var raw = token.Text;
        var offset = context.Position - token.Span.Start;
        var escape = context.Document.Tree.EscapeCharacter;
        foreach (var reference in VariableReferenceScanner.Find(raw, escape))
        {
            if (offset < reference.Start || offset >= reference.End) continue;
            // The innermost reference wins: a later match nested inside this one replaces it.
            var inner = VariableReferenceScanner.Find(raw, escape)
                .Where(r => offset >= r.Start && offset < r.End)
                .OrderBy(r => r.Length)
                .First();
            var span = new Syntax.Text.TextSpan(token.Span.Start + inner.Start, inner.Length);
            var info = context.Facts.ResolveVariable(context.Document, context.Instruction, inner.Name, context.CancellationToken);
            return new HoverInfo(span, DescribeVariable(context, inner.Name, info));
        }
        return null;
    }

    private static HoverInfo DeclarationHover(HoverContext context, SyntaxToken nameToken, string name)
    {
        // Resolve as seen just after the declaring instruction: the value it establishes.
        var instructions = context.Document.Tree.Root.Instructions;
        var index = IndexOf(instructions, context.Instruction);
        var after = index >= 0 && index + 1 < instructions.Count ? instructions[index + 1] : null;
        var info = after is null
            ? new ScanningSemanticFacts().ResolveVariable(context.Document, context.Instruction, name, context.CancellationToken)
            : context.Facts.ResolveVariable(context.Document, after, name, context.CancellationToken);
        if (after is FromInstructionSyntax || info?.DeclarationSpan != nameToken.Span)
        {
            info = DeclaredHere(context, nameToken, name) ?? info;
        }
        return new HoverInfo(nameToken.Span, DescribeVariable(context, name, info));
    }

    private static VariableInfo? DeclaredHere(HoverContext context, SyntaxToken nameToken, string name) => nameToken.Parent switch
    {
        ArgDeclarationSyntax declaration => new VariableInfo(name, declaration.DefaultValue, context.Instruction.Parent is SourceFileSyntax && IsBeforeFirstFrom(context) ? VariableOrigin.GlobalArg : VariableOrigin.Arg, nameToken.Span),
        KeyValuePairSyntax pair => new VariableInfo(name, pair.Value, VariableOrigin.Env, nameToken.Span),
        _ => null,
    };

    private static bool IsBeforeFirstFrom(HoverContext context) =>
        !context.Document.Tree.Root.Instructions.TakeWhile(i => i.Position < context.Instruction.Position).Any(i => i is FromInstructionSyntax);

    private static int IndexOf(IReadOnlyList<InstructionSyntax> instructions, InstructionSyntax instruction)
    {
        var target = instruction.Parent as InstructionSyntax ?? instruction;
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Position == target.Position) return i;
        }
        return -1;
    }

    private static string DescribeVariable(HoverContext context, string name, VariableInfo? info)
    {
        var text = new HoverText(context.Format);
        if (info is null)
        {
            text.Title($"${name}").Paragraph("Not declared at this point: BuildKit expands it to an empty string (in RUN the shell may still define it).");
            return text.ToString();
        }
        var value = info.Value is null ? null : Shorten(info.Value);
        text.Title(value is null ? name : $"{name}={value}");
        var lines = context.Document.Text.Lines;
        var where = info.DeclarationSpan is { } span ? $" on line {lines.GetLinePosition(span.Start).Line + 1}" : string.Empty;
        text.Paragraph(info.Origin switch
        {
            VariableOrigin.GlobalArg => $"Global build argument declared{where} (before the first `FROM`).",
            VariableOrigin.Arg => $"Build argument declared{where}.",
            VariableOrigin.Env => $"Environment variable set{where}.",
            _ => "Predefined by BuildKit. Inside a stage, declare `ARG " + name + "` to use it.",
        });
        text.Paragraph(value is null ? "No default value: set it with `--build-arg`." : $"Value here: `{value}`");
        if (value is not null && value.Length < info.Value!.Length) text.Paragraph(string.Create(CultureInfo.InvariantCulture, $"(The value is {info.Value.Length:N0} characters long; the first {MaxShownValueLength} are shown.)"));
        return text.ToString();
    }

    /// <summary>Longest value shown in a hover: values can be built up to a megabyte (see ShellExpander.MaxResultLength).</summary>
    internal const int MaxShownValueLength = 200;

    private static string Shorten(string value) => value.Length <= MaxShownValueLength ? value : value[..MaxShownValueLength] + "…";
}
