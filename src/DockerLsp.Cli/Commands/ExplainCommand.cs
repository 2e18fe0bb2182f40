using System.CommandLine;
using DockerLsp.Rules;

namespace DockerLsp.Cli.Commands;

/// <summary><c>dockerlsp explain RULE</c>: prints the rule's documentation page (embedded in the binary), found by ID or by hadolint/BuildKit alias. Exit 2 for an unknown rule.</summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Argument<string>("rule") { Description = "A rule ID (DF201) or alias (DL3025, JSONArgsRecommended)." };
        var command = new Command("explain", "Print the documentation of a rule.") { rule };
        command.SetAction(result => Run(console, result.GetRequiredValue(rule)));
        return command;
    }

    public static int Run(CliConsole console, string rule)
    {
        var descriptor = RuleCatalog.Find(rule);
        if (descriptor is null || RuleCatalog.GetDocumentation(descriptor.Id) is not { } page)
        {
            console.Error.WriteLine($"dockerlsp: unknown rule '{rule}'; run 'dockerlsp rules' for the list");
            return ExitCodes.UsageError;
        }
        console.Out.Write(page);
        if (!page.EndsWith('\n')) console.Out.WriteLine();
        return ExitCodes.Success;
    }
}
