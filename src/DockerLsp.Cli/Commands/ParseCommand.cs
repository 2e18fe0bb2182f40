using System.CommandLine;
using DockerLsp.Cli.Commands.Parse;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Printing;

namespace DockerLsp.Cli.Commands;

/// <summary>
/// <c>dockerlsp parse FILE|- [--format buildkit|tree|json]</c>: parses one Dockerfile and prints its syntax tree.
/// Exit 0 without error-severity syntax diagnostics, 1 with them, 2 when the input cannot be read (docs/cli.md, "parse").
/// </summary>
public static class ParseCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file")
        {
            Description = "The Dockerfile to parse, or - to read standard input.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "buildkit: BuildKit's AST dump; tree: the full-fidelity tree for people; json: the full-fidelity tree as JSON.",
            DefaultValueFactory = _ => ParseOutputFormat.BuildKit,
            HelpName = "buildkit|tree|json",
        };
        format.AcceptOnlyFromAmong(ParseOutputFormat.All);

        var command = new Command("parse", "Parse a Dockerfile and print its syntax tree.") { file, format };
        command.SetAction(result => Run(console, result.GetRequiredValue(file), result.GetRequiredValue(format)));
        return command;
    }

    public static int Run(CliConsole console, string path, string format)
    {
        if (!SourceLoader.TryLoad(console, path, out var source, out var error))
        {
            console.Error.WriteLine($"dockerlsp: {error}");
            return ExitCodes.UsageError;
        }

        var tree = SyntaxTree.Parse(source.Text);
        switch (format)
        {
            case ParseOutputFormat.Json:
                // Diagnostics travel inside the JSON document; stderr stays empty so that scripts can parse stdout alone.
                console.Out.Flush();
                JsonTreeWriter.Write(console.OutputStream, tree);
                break;
            case ParseOutputFormat.Tree:
                console.Out.Write(TreePrinter.Print(tree.Root));
                DiagnosticFormatter.WriteAll(console.Error, source.DisplayPath, tree);
                break;
            default:
                console.Out.Write(BuildKitDumper.Dump(tree));
                DiagnosticFormatter.WriteAll(console.Error, source.DisplayPath, tree);
                break;
        }
        return tree.HasErrors ? ExitCodes.FindingsReported : ExitCodes.Success;
    }
}
