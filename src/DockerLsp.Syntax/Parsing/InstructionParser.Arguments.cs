using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Parsing;

internal sealed partial class InstructionParser
{
    private void ParseFrom(NodeSpec node, int keywordStart, int keywordEnd, int restStart, int end)
    {
        var words = new List<(int Start, int End)>();
        var position = restStart;
        while (position < end)
        {
            while (position < end && PhysicalLines.IsSplitSpace(_text[position])) position++;
            if (position >= end) break;
            var wordStart = position;
            while (position < end && !PhysicalLines.IsSplitSpace(_text[position])) position++;
            words.Add((wordStart, position));
        }

        var image = _pool.Node(SyntaxKind.ImageReference);
        node.Add(image);
        if (words.Count == 0)
        {
            image.Add(_pool.Missing(SyntaxKind.WordToken, end));
            ReportMissing(keywordStart, keywordEnd, "FROM requires a base image.");
            return;
        }
        image.Add(_pool.Token(SyntaxKind.WordToken, words[0].Start, words[0].End));
        if (words.Count == 1) return;

        var second = words[1];
        var isAs = second.End - second.Start == 2 && string.Compare(_text, second.Start, "AS", 0, 2, StringComparison.OrdinalIgnoreCase) == 0;
        if (!isAs)
        {
            node.Add(_pool.Token(SyntaxKind.WordToken, second.Start, second.End));
            Report(SyntaxDiagnosticIds.UnexpectedArgument, $"Expected 'AS <name>' after the image, found '{_text[second.Start..second.End]}'.", second.Start, second.End);
            AddExtraWords(node, words, 2);
            return;
        }
        node.Add(_pool.Token(SyntaxKind.AsKeywordToken, second.Start, second.End));
        if (words.Count == 2)
        {
            node.Add(_pool.Missing(SyntaxKind.WordToken, end));
            Report(SyntaxDiagnosticIds.MissingArgument, "AS requires a stage name.", second.Start, second.End);
            return;
        }
        node.Add(_pool.Token(SyntaxKind.WordToken, words[2].Start, words[2].End));
        AddExtraWords(node, words, 3);
    }

    private void AddExtraWords(NodeSpec node, List<(int Start, int End)> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            node.Add(_pool.Token(SyntaxKind.WordToken, words[i].Start, words[i].End));
            Report(SyntaxDiagnosticIds.UnexpectedArgument, $"Unexpected argument '{_text[words[i].Start..words[i].End]}'.", words[i].Start, words[i].End);
        }
    }

    /// <summary>RUN, CMD, ENTRYPOINT, SHELL: JSON array of strings, otherwise the rest is shell form.</summary>
    private void ParseCommand(NodeSpec node, SyntaxKind kind, int keywordStart, int keywordEnd, int restStart, int end)
    {
        if (restStart >= end)
        {
            if (kind == SyntaxKind.RunInstruction) ReportMissing(keywordStart, keywordEnd, "RUN requires a command.");
            if (kind == SyntaxKind.ShellInstruction) ReportMissing(keywordStart, keywordEnd, "SHELL requires a JSON array such as [\"/bin/sh\", \"-c\"].");
            return;
        }
        if (TryAddJson(node, restStart, end))
        {
            LastWasJson = true;
            return;
        }
        AddShellForm(node, restStart, end);
        if (kind == SyntaxKind.ShellInstruction)
        {
            // A warning, not an error: the syntax parse succeeds (the corpus has such a file); BuildKit's instruction layer is what rejects it.
            Report(SyntaxDiagnosticIds.ShellNotJson, "SHELL must be written in JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]; BuildKit rejects this line when it builds.", restStart, end, DiagnosticSeverity.Warning);
        }
    }

    private void AddShellForm(NodeSpec node, int start, int end)
    {
        var shell = _pool.Node(SyntaxKind.ShellForm);
        foreach (var (wordStart, wordEnd) in SplitQuotedWords(start, end))
        {
            shell.Add(_pool.Token(SyntaxKind.WordToken, wordStart, wordEnd));
        }
        node.Add(shell);
    }

    /// <summary>ADD, COPY, VOLUME: JSON array of strings, otherwise words split on whitespace (quotes not honoured).</summary>
    private void ParseJsonOrWords(NodeSpec node, SyntaxKind kind, int keywordStart, int keywordEnd, int restStart, int end)
    {
        var count = 0;
        if (restStart < end && TryAddJson(node, restStart, end))
        {
            LastWasJson = true;
            foreach (var item in ((NodeSpec)node.Children[^1]).Children)
            {
                if (item is TokenSpec { Kind: SyntaxKind.StringLiteralToken }) count++;
            }
        }
        else if (AddWords(node, restStart, end, splitOnUnicodeSpace: false))
        {
            count = ((NodeSpec)node.Children[^1]).Children.Count;
        }
        var keyword = _text[keywordStart..keywordEnd].ToUpperInvariant();
        if (kind == SyntaxKind.VolumeInstruction)
        {
            if (count == 0 && !LastWasJson) ReportMissing(keywordStart, keywordEnd, "VOLUME requires at least one path.");
        }
        else if (count < 2)
        {
            ReportMissing(keywordStart, keywordEnd, $"{keyword} requires at least one source and a destination.");
        }
    }

    /// <summary>Adds an exec-form node when [start, end) is a JSON array of strings. A JSON array holding a non-string is a BuildKit error.</summary>
    private bool TryAddJson(NodeSpec node, int start, int end)
    {
        if (_text[start] != '[') return false;
        var result = JsonArrayScanner.Scan(_text, start, end, _pool);
        if (!result.IsValidJson) return false;
        if (!result.AllStrings)
        {
            Report(SyntaxDiagnosticIds.JsonArrayNotStrings, "A JSON array here must contain only strings.", start, end);
            return false;
        }
        var exec = _pool.Node(SyntaxKind.ExecForm);
        foreach (var token in result.Tokens) exec.Add(token);
        node.Add(exec);
        return true;
    }

    private void ParseArg(NodeSpec node, int keywordStart, int keywordEnd, int restStart, int end)
    {
        var words = SplitQuotedWords(restStart, end);
        if (words.Count == 0)
        {
            ReportMissing(keywordStart, keywordEnd, "ARG requires a name.");
            return;
        }
        foreach (var (wordStart, wordEnd) in words)
        {
            var declaration = _pool.Node(SyntaxKind.ArgDeclaration);
            var equals = _text.IndexOf('=', wordStart, wordEnd - wordStart);
            if (equals < 0)
            {
                declaration.Add(_pool.Token(SyntaxKind.WordToken, wordStart, wordEnd));
            }
            else
            {
                AddSplitAtEquals(declaration, wordStart, equals, wordEnd, "ARG");
            }
            node.Add(declaration);
        }
    }

    /// <summary>ENV and LABEL (BuildKit's parseNameVal): legacy <c>key value</c> when the first word has no '=', else key=value words.</summary>
    private void ParseKeyValues(NodeSpec node, SyntaxKind kind, int keywordStart, int keywordEnd, int restStart, int end)
    {
        var keyword = kind == SyntaxKind.EnvInstruction ? "ENV" : "LABEL";
        var words = SplitQuotedWords(restStart, end);
        if (words.Count == 0)
        {
            ReportMissing(keywordStart, keywordEnd, $"{keyword} requires at least one key=value pair.");
            return;
        }
        if (_text.IndexOf('=', words[0].Start, words[0].End - words[0].Start) < 0)
        {
            var keyEnd = restStart;
            while (keyEnd < end && !PhysicalLines.IsSplitSpace(_text[keyEnd])) keyEnd++;
            var valueStart = keyEnd;
            while (valueStart < end && PhysicalLines.IsSplitSpace(_text[valueStart])) valueStart++;
            var pair = _pool.Node(SyntaxKind.KeyValuePair).Add(_pool.Token(SyntaxKind.WordToken, restStart, keyEnd));
            if (valueStart < end)
            {
                pair.Add(_pool.Token(SyntaxKind.TextToken, valueStart, end));
            }
            else
            {
                pair.Add(_pool.Missing(SyntaxKind.TextToken, end));
                Report(SyntaxDiagnosticIds.InvalidKeyValue, $"{keyword} must have two arguments: a key and a value (or use key=value).", restStart, keyEnd);
            }
            node.Add(pair);
            return;
        }
        foreach (var (wordStart, wordEnd) in words)
        {
            var pair = _pool.Node(SyntaxKind.KeyValuePair);
            var equals = _text.IndexOf('=', wordStart, wordEnd - wordStart);
            if (equals < 0)
            {
                pair.Add(_pool.Token(SyntaxKind.WordToken, wordStart, wordEnd));
                pair.Add(_pool.Missing(SyntaxKind.EqualsToken, wordEnd));
                pair.Add(_pool.Missing(SyntaxKind.WordToken, wordEnd));
                Report(SyntaxDiagnosticIds.InvalidKeyValue, $"Can't find = in '{_text[wordStart..wordEnd]}'. It must be of the form name=value.", wordStart, wordEnd);
            }
            else
            {
                AddSplitAtEquals(pair, wordStart, equals, wordEnd, keyword);
            }
            node.Add(pair);
        }
    }

    /// <summary>Adds <c>name</c>, <c>=</c>, <c>value</c> tokens for a word split at its first '=' (BuildKit keeps quotes in both parts).</summary>
    private void AddSplitAtEquals(NodeSpec node, int wordStart, int equals, int wordEnd, string keyword)
    {
        node.Add(_pool.Token(SyntaxKind.WordToken, wordStart, equals));
        node.Add(_pool.Token(SyntaxKind.EqualsToken, equals, equals + 1));
        node.Add(_pool.Token(SyntaxKind.WordToken, equals + 1, wordEnd));
        if (equals == wordStart) Report(SyntaxDiagnosticIds.InvalidKeyValue, $"{keyword} names cannot be empty.", wordStart, wordEnd);
    }

    /// <summary>HEALTHCHECK: the first word is the type (CMD or NONE); the rest is a command like CMD's.</summary>
    private void ParseHealthcheck(NodeSpec node, int keywordStart, int keywordEnd, int restStart, int end)
    {
        if (restStart >= end)
        {
            ReportMissing(keywordStart, keywordEnd, "HEALTHCHECK requires NONE or CMD followed by a command.");
            return;
        }
        var typeEnd = restStart;
        while (typeEnd < end && !PhysicalLines.IsSpace(_text[typeEnd])) typeEnd++;
        node.Add(_pool.Token(SyntaxKind.WordToken, restStart, typeEnd));
        var type = _text[restStart..typeEnd];
        var commandStart = PhysicalLines.SkipSpaces(_text, typeEnd, end);
        if (string.Equals(type, "NONE", StringComparison.OrdinalIgnoreCase))
        {
            if (commandStart < end)
            {
                AddShellForm(node, commandStart, end);
                Report(SyntaxDiagnosticIds.InvalidHealthcheck, "HEALTHCHECK NONE takes no arguments.", commandStart, end);
            }
            return;
        }
        if (!string.Equals(type, "CMD", StringComparison.OrdinalIgnoreCase))
        {
            Report(SyntaxDiagnosticIds.InvalidHealthcheck, $"Unknown HEALTHCHECK type '{type}': expected CMD or NONE.", restStart, typeEnd);
        }
        if (commandStart >= end)
        {
            ReportMissing(restStart, typeEnd, "HEALTHCHECK CMD requires a command.");
            return;
        }
        if (!TryAddJson(node, commandStart, end)) AddShellForm(node, commandStart, end);
        else LastWasJson = true;
    }

    private void ParseOnBuild(NodeSpec node, int keywordStart, int keywordEnd, int restStart, int end, bool nested)
    {
        if (restStart >= end)
        {
            ReportMissing(keywordStart, keywordEnd, "ONBUILD requires an instruction to run in child builds.");
            return;
        }
        var trigger = ParseInstruction(restStart, nested: true);
        node.Add(trigger);
        if (trigger.Kind is SyntaxKind.OnBuildInstruction or SyntaxKind.FromInstruction or SyntaxKind.MaintainerInstruction)
        {
            var triggerKeyword = (TokenSpec)trigger.Children[0];
            Report(SyntaxDiagnosticIds.InvalidOnBuildTrigger,
                $"{_text[triggerKeyword.Start..triggerKeyword.End].ToUpperInvariant()} isn't allowed as an ONBUILD trigger.",
                triggerKeyword.Start, triggerKeyword.End);
        }
    }
}
