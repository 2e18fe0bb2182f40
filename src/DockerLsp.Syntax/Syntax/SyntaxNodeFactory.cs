using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax;

/// <summary>Creates the typed red node for a green node. The one place that maps node kinds to red classes.</summary>
internal static class SyntaxNodeFactory
{
    public static SyntaxNode CreateRed(GreenNode green, SyntaxNode? parent, int position) => green.Kind switch
    {
        SyntaxKind.ParserDirective => new ParserDirectiveSyntax(green, parent, position),
        SyntaxKind.Flag => new FlagSyntax(green, parent, position),
        SyntaxKind.ExecForm => new ExecFormSyntax(green, parent, position),
        SyntaxKind.ShellForm => new ShellFormSyntax(green, parent, position),
        SyntaxKind.ArgumentList => new ArgumentListSyntax(green, parent, position),
        SyntaxKind.KeyValuePair => new KeyValuePairSyntax(green, parent, position),
        SyntaxKind.ArgDeclaration => new ArgDeclarationSyntax(green, parent, position),
        SyntaxKind.ImageReference => new ImageReferenceSyntax(green, parent, position),
        SyntaxKind.Heredoc => new HeredocSyntax(green, parent, position),
        SyntaxKind.FromInstruction => new FromInstructionSyntax(green, parent, position),
        SyntaxKind.RunInstruction => new RunInstructionSyntax(green, parent, position),
        SyntaxKind.CmdInstruction => new CmdInstructionSyntax(green, parent, position),
        SyntaxKind.EntrypointInstruction => new EntrypointInstructionSyntax(green, parent, position),
        SyntaxKind.ShellInstruction => new ShellInstructionSyntax(green, parent, position),
        SyntaxKind.LabelInstruction => new LabelInstructionSyntax(green, parent, position),
        SyntaxKind.EnvInstruction => new EnvInstructionSyntax(green, parent, position),
        SyntaxKind.ArgInstruction => new ArgInstructionSyntax(green, parent, position),
        SyntaxKind.AddInstruction => new AddInstructionSyntax(green, parent, position),
        SyntaxKind.CopyInstruction => new CopyInstructionSyntax(green, parent, position),
        SyntaxKind.ExposeInstruction => new ExposeInstructionSyntax(green, parent, position),
        SyntaxKind.VolumeInstruction => new VolumeInstructionSyntax(green, parent, position),
        SyntaxKind.UserInstruction => new UserInstructionSyntax(green, parent, position),
        SyntaxKind.WorkdirInstruction => new WorkdirInstructionSyntax(green, parent, position),
        SyntaxKind.StopSignalInstruction => new StopSignalInstructionSyntax(green, parent, position),
        SyntaxKind.HealthcheckInstruction => new HealthcheckInstructionSyntax(green, parent, position),
        SyntaxKind.OnBuildInstruction => new OnBuildInstructionSyntax(green, parent, position),
        SyntaxKind.MaintainerInstruction => new MaintainerInstructionSyntax(green, parent, position),
        SyntaxKind.UnknownInstruction => new UnknownInstructionSyntax(green, parent, position),
        _ => throw new InvalidOperationException($"No red node for kind {green.Kind}."),
    };
}
