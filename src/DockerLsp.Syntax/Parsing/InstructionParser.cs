using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Parses one logical line into an instruction spec, following BuildKit's rules exactly for what counts as keyword,
/// flags and arguments (see docs/syntax.md): keyword up to the first <c>[\t\v\f\r ]</c>, flags while words start with
/// <c>--</c>, then an argument shape chosen by the instruction. Never throws; problems become diagnostics.
/// </summary>
internal sealed partial class InstructionParser
{
    private string _text = string.Empty;
    private int _textEnd;
    private char _escape = '\\';
    private readonly List<SpecDiagnostic> _diagnostics;
    private readonly List<(int Start, int End)> _words = new(16);

    private readonly SpecPool _pool;

    public InstructionParser(List<SpecDiagnostic> diagnostics, SpecPool pool)
    {
        _pool = pool;
        _diagnostics = diagnostics;
    }

    /// <summary>Sets the escape character for the next parse (the reader is reused across documents).</summary>
    public void Retarget(char escape) => _escape = escape;

    /// <summary>
    /// Points the parser at the next logical line, <paramref name="text"/>[..<paramref name="end"/>) from the start given
    /// to <see cref="ParseInstruction"/> (the reader reuses one parser for a whole parse). Offsets in the spec are offsets in
    /// <paramref name="text"/>.
    /// </summary>
    public void Reset(string text, int end)
    {
        _text = text;
        _textEnd = end;
        _diagnostics.Clear();
        LastWasJson = false;
    }

    /// <summary>True when the last parsed command-like instruction used the JSON form (heredocs are not looked for then).</summary>
    public bool LastWasJson { get; private set; }

    /// <summary>Parses the instruction starting at <paramref name="start"/> (the first non-space character).</summary>
    public NodeSpec ParseInstruction(int start, bool nested)
    {
        var end = _textEnd;
        while (end > start && PhysicalLines.IsSpace(_text[end - 1])) end--;

        var keywordEnd = start;
        while (keywordEnd < end && !PhysicalLines.IsSplitSpace(_text[keywordEnd])) keywordEnd++;
        var kind = SyntaxFacts.GetInstructionKind(_text.AsSpan(start, keywordEnd - start));
        var node = _pool.Node(kind);
        node.Add(_pool.Token(SyntaxKind.KeywordToken, start, keywordEnd));

        var position = keywordEnd;
        while (position < end && PhysicalLines.IsSplitSpace(_text[position])) position++;
        var restStart = position < end ? ParseFlags(node, position, end) : end;
        LastWasJson = false;

        if (kind == SyntaxKind.UnknownInstruction)
        {
            ReportUnknownInstruction(start, keywordEnd);
            AddWords(node, restStart, end, splitOnUnicodeSpace: false);
            return node;
        }

        ParseArguments(node, kind, start, keywordEnd, restStart, end, nested);
        CheckExpansions(node);
        return node;
    }

    private void ParseArguments(NodeSpec node, SyntaxKind kind, int keywordStart, int keywordEnd, int restStart, int end, bool nested)
    {
        switch (kind)
        {
            case SyntaxKind.FromInstruction:
                ParseFrom(node, keywordStart, keywordEnd, restStart, end);
                break;
            case SyntaxKind.ExposeInstruction:
                if (!AddWords(node, restStart, end, splitOnUnicodeSpace: false)) ReportMissing(keywordStart, keywordEnd, "EXPOSE requires at least one port.");
                break;
            case SyntaxKind.RunInstruction:
            case SyntaxKind.CmdInstruction:
            case SyntaxKind.EntrypointInstruction:
            case SyntaxKind.ShellInstruction:
                ParseCommand(node, kind, keywordStart, keywordEnd, restStart, end);
                break;
            case SyntaxKind.AddInstruction:
            case SyntaxKind.CopyInstruction:
            case SyntaxKind.VolumeInstruction:
                ParseJsonOrWords(node, kind, keywordStart, keywordEnd, restStart, end);
                break;
            case SyntaxKind.ArgInstruction:
                ParseArg(node, keywordStart, keywordEnd, restStart, end);
                break;
            case SyntaxKind.EnvInstruction:
            case SyntaxKind.LabelInstruction:
                ParseKeyValues(node, kind, keywordStart, keywordEnd, restStart, end);
                break;
            case SyntaxKind.MaintainerInstruction:
            case SyntaxKind.StopSignalInstruction:
            case SyntaxKind.UserInstruction:
            case SyntaxKind.WorkdirInstruction:
                if (restStart < end)
                {
                    node.Add(_pool.Token(SyntaxKind.TextToken, restStart, end));
                }
                else
                {
                    node.Add(_pool.Missing(SyntaxKind.TextToken, end));
                    ReportMissing(keywordStart, keywordEnd, $"{_text[keywordStart..keywordEnd].ToUpperInvariant()} requires a value.");
                }
                break;
            case SyntaxKind.HealthcheckInstruction:
                ParseHealthcheck(node, keywordStart, keywordEnd, restStart, end);
                break;
            case SyntaxKind.OnBuildInstruction:
                ParseOnBuild(node, keywordStart, keywordEnd, restStart, end, nested);
                break;
        }
    }

    private void ReportMissing(int start, int end, string message) =>
        _diagnostics.Add(new SpecDiagnostic(SyntaxDiagnosticIds.MissingArgument, DiagnosticSeverity.Error, message, start, end));

    private void Report(string id, string message, int start, int end, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _diagnostics.Add(new SpecDiagnostic(id, severity, message, start, end));

    private void ReportUnknownInstruction(int start, int end)
    {
        var keyword = _text[start..end];
        var suggestion = KeywordSuggester.Suggest(keyword);
        var message = suggestion is null
            ? $"Unknown instruction '{keyword}'."
            : $"Unknown instruction '{keyword}'. Did you mean '{suggestion}'?";
        Report(SyntaxDiagnosticIds.UnknownInstruction, message, start, end);
    }
}
