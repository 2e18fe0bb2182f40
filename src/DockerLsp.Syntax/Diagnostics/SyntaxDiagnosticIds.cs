namespace DockerLsp.Syntax.Diagnostics;

/// <summary>
/// Stable IDs of the syntax diagnostics (the DF1xx range). IDs are part of the public contract: never renumber.
/// </summary>
public static class SyntaxDiagnosticIds
{
    /// <summary>The file contains bytes that are not valid UTF-8.</summary>
    public const string InvalidUtf8 = "DF100";
    /// <summary>An instruction keyword BuildKit does not know.</summary>
    public const string UnknownInstruction = "DF101";
    /// <summary>An instruction lacks a required argument.</summary>
    public const string MissingArgument = "DF102";
    /// <summary>An instruction has arguments it does not accept.</summary>
    public const string UnexpectedArgument = "DF103";
    /// <summary>A heredoc is never terminated.</summary>
    public const string UnterminatedHeredoc = "DF104";
    /// <summary>An escape directive with a value other than a backslash or a backtick.</summary>
    public const string InvalidEscapeDirective = "DF105";
    /// <summary>A parser directive given twice.</summary>
    public const string DuplicateDirective = "DF106";
    /// <summary>A flag word BuildKit cannot parse (no name).</summary>
    public const string MalformedFlag = "DF107";
    /// <summary>SHELL must be written as a JSON array.</summary>
    public const string ShellNotJson = "DF108";
    /// <summary>A variable reference <c>${</c> without its closing brace, or another expansion syntax error.</summary>
    public const string InvalidVariableExpansion = "DF109";
    /// <summary>A quote that is never closed in an instruction BuildKit expands.</summary>
    public const string UnterminatedQuote = "DF110";
    /// <summary>The Dockerfile contains no instruction.</summary>
    public const string NoInstructions = "DF111";
    /// <summary>An empty line inside a line continuation.</summary>
    public const string EmptyContinuationLine = "DF112";
    /// <summary>A physical line of 64 KiB or more, which BuildKit rejects.</summary>
    public const string LineTooLong = "DF113";
    /// <summary>A JSON array with a non-string element.</summary>
    public const string JsonArrayNotStrings = "DF114";
    /// <summary>ENV or LABEL arguments BuildKit cannot split into keys and values.</summary>
    public const string InvalidKeyValue = "DF115";
    /// <summary>A heredoc used as the destination of COPY or ADD.</summary>
    public const string HeredocAsDestination = "DF116";
    /// <summary>An instruction that ONBUILD cannot wrap (ONBUILD, FROM, MAINTAINER).</summary>
    public const string InvalidOnBuildTrigger = "DF117";
    /// <summary>A HEALTHCHECK whose type is neither CMD nor NONE, or NONE with arguments.</summary>
    public const string InvalidHealthcheck = "DF118";
    /// <summary>A malformed <c># check=</c> directive value.</summary>
    public const string InvalidCheckDirective = "DF119";
}
