namespace DockerLsp.Syntax;

/// <summary>
/// Every kind of trivia, token and node in a Dockerfile syntax tree. The numeric ranges are stable groups:
/// trivia below 100, tokens 100-199, nodes from 200; instruction nodes are contiguous so that
/// <see cref="SyntaxFacts.IsInstruction(SyntaxKind)"/> is a range check.
/// </summary>
public enum SyntaxKind : ushort
{
    None = 0,

    // Trivia
    WhitespaceTrivia = 1,
    EndOfLineTrivia,
    /// <summary>A <c>#</c> comment line's text (without its line break).</summary>
    CommentTrivia,
    /// <summary>The escape character, any spaces or tabs after it and the line break (absent at end of file).</summary>
    LineContinuationTrivia,
    /// <summary>A whole comment line (indentation, text, line break) inside a continuation; BuildKit drops it.</summary>
    ContinuationCommentLineTrivia,
    /// <summary>A whole empty or whitespace-only line inside a continuation; BuildKit drops it and warns.</summary>
    EmptyContinuationLineTrivia,
    ByteOrderMarkTrivia,
    /// <summary>Text the parser could not place in any token; kept so that no text is ever lost.</summary>
    SkippedTextTrivia,

    // Tokens
    EndOfFileToken = 100,
    /// <summary>The instruction keyword (<c>FROM</c>, <c>run</c>, or an unknown word).</summary>
    KeywordToken,
    /// <summary>A flag word such as <c>--mount=type=cache,target=/root</c>.</summary>
    FlagToken,
    /// <summary>A bare <c>--</c> that ends flag parsing (BuildKit drops it).</summary>
    FlagTerminatorToken,
    /// <summary>A whitespace-separated argument word (quotes and escapes kept as written).</summary>
    WordToken,
    /// <summary>The rest of an instruction taken verbatim as one argument (USER, WORKDIR, shell-form text...).</summary>
    TextToken,
    EqualsToken,
    AsKeywordToken,
    OpenBracketToken,
    CloseBracketToken,
    CommaToken,
    /// <summary>A JSON string literal in exec form; its value text is the decoded string.</summary>
    StringLiteralToken,
    HashToken,
    DirectiveNameToken,
    DirectiveValueToken,
    /// <summary>A heredoc body: the raw lines between the instruction line and the terminator, with their line breaks.</summary>
    HeredocBodyToken,
    HeredocTerminatorToken,

    // Nodes
    SourceFile = 200,
    ParserDirective,
    Flag,
    ExecForm,
    ShellForm,
    ArgumentList,
    KeyValuePair,
    ArgDeclaration,
    ImageReference,
    Heredoc,

    // Instructions (keep contiguous)
    FromInstruction = 300,
    RunInstruction,
    CmdInstruction,
    EntrypointInstruction,
    ShellInstruction,
    LabelInstruction,
    EnvInstruction,
    ArgInstruction,
    AddInstruction,
    CopyInstruction,
    ExposeInstruction,
    VolumeInstruction,
    UserInstruction,
    WorkdirInstruction,
    StopSignalInstruction,
    HealthcheckInstruction,
    OnBuildInstruction,
    MaintainerInstruction,
    UnknownInstruction,
}
