namespace DockerLsp.Cli.Output.Formatters;

/// <summary>Renders a <see cref="CheckReport"/> in one output format. Formatters write only to the given writer and do no other IO.</summary>
public interface IReportFormatter
{
    void Write(TextWriter writer, CheckReport report);
}

/// <summary>The formats of <c>dockerlsp check --format</c> and their formatters.</summary>
public static class ReportFormats
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string Checkstyle = "checkstyle";
    public const string GitHub = "github";

    public static readonly string[] All = [Text, Json, Sarif, Checkstyle, GitHub];

    public static IReportFormatter Create(string format, bool color) => format switch
    {
        Json => new JsonReportFormatter(),
        Sarif => new SarifReportFormatter(),
        Checkstyle => new CheckstyleReportFormatter(),
        GitHub => new GitHubReportFormatter(),
        _ => new TextReportFormatter(color),
    };
}
