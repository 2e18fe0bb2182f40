using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax;

/// <summary>An instruction whose arguments are a command in exec (JSON) or shell form: RUN, CMD, ENTRYPOINT, SHELL.</summary>
public abstract class CommandInstructionSyntax : InstructionSyntax
{
    internal CommandInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public ExecFormSyntax? ExecForm => GetNode<ExecFormSyntax>();
    public ShellFormSyntax? ShellForm => GetNode<ShellFormSyntax>();
    public bool IsExecForm => ExecForm is not null;
}

/// <summary><c>FROM [--platform=...] image [AS name]</c>.</summary>
public sealed class FromInstructionSyntax : InstructionSyntax
{
    internal FromInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public ImageReferenceSyntax? Image => GetNode<ImageReferenceSyntax>();
    public SyntaxToken AsKeyword => GetToken(SyntaxKind.AsKeywordToken);

    /// <summary>The stage name token after AS (default when absent).</summary>
    public SyntaxToken StageNameToken
    {
        get
        {
            // Over the green slots: the semantic model asks every FROM for its name on every keystroke.
            var seenAs = false;
            for (var i = 0; i < Green.SlotCount; i++)
            {
                if (Green.GetSlot(i) is not GreenToken token) continue;
                if (token.Kind == SyntaxKind.AsKeywordToken) seenAs = true;
                else if (seenAs && token.Kind == SyntaxKind.WordToken) return new SyntaxToken(this, token, GetChildPosition(i), i);
            }
            return default;
        }
    }

    public string? StageName
    {
        get
        {
            var token = StageNameToken;
            return token.Kind == SyntaxKind.None || token.IsMissing ? null : token.ValueText;
        }
    }
    public FlagSyntax? Platform => GetFlag("platform");
}

/// <summary><c>RUN</c> in shell or exec form, with flags (<c>--mount</c>, <c>--network</c>, <c>--security</c>) and heredocs.</summary>
public sealed class RunInstructionSyntax : CommandInstructionSyntax
{
    internal RunInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public IEnumerable<FlagSyntax> Mounts => Flags.Where(f => f.Name == "mount");
}

/// <summary><c>CMD</c>: the default command.</summary>
public sealed class CmdInstructionSyntax : CommandInstructionSyntax
{
    internal CmdInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>ENTRYPOINT</c>.</summary>
public sealed class EntrypointInstructionSyntax : CommandInstructionSyntax
{
    internal EntrypointInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>SHELL ["executable", "parameters"]</c> (BuildKit requires the JSON form).</summary>
public sealed class ShellInstructionSyntax : CommandInstructionSyntax
{
    internal ShellInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>HEALTHCHECK NONE</c> or <c>HEALTHCHECK [flags] CMD command</c>.</summary>
public sealed class HealthcheckInstructionSyntax : CommandInstructionSyntax
{
    internal HealthcheckInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    /// <summary>The <c>CMD</c> or <c>NONE</c> word (any case), or whatever was written there.</summary>
    public SyntaxToken TypeToken => GetToken(SyntaxKind.WordToken);
    public bool IsNone => string.Equals(TypeToken.ValueText, "NONE", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Base of ENV and LABEL: a list of key/value pairs.</summary>
public abstract class KeyValueInstructionSyntax : InstructionSyntax
{
    internal KeyValueInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public IReadOnlyList<KeyValuePairSyntax> Pairs => GetNodes<KeyValuePairSyntax>().ToArray();
}

/// <summary><c>ENV key=value ...</c> or legacy <c>ENV key value</c>.</summary>
public sealed class EnvInstructionSyntax : KeyValueInstructionSyntax
{
    internal EnvInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>LABEL key=value ...</c> or legacy <c>LABEL key value</c>.</summary>
public sealed class LabelInstructionSyntax : KeyValueInstructionSyntax
{
    internal LabelInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>ARG name[=default] ...</c>.</summary>
public sealed class ArgInstructionSyntax : InstructionSyntax
{
    internal ArgInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public IReadOnlyList<ArgDeclarationSyntax> Declarations => GetNodes<ArgDeclarationSyntax>().ToArray();
}

/// <summary>Base of COPY and ADD: sources then destination, as words or JSON, possibly with heredoc sources.</summary>
public abstract class CopyLikeInstructionSyntax : InstructionSyntax
{
    internal CopyLikeInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public ExecFormSyntax? ExecForm => GetNode<ExecFormSyntax>();
    public ArgumentListSyntax? Arguments => GetNode<ArgumentListSyntax>();

    /// <summary>All argument values (JSON strings decoded, words as written); the last one is the destination.</summary>
    public IReadOnlyList<string> ArgumentValues =>
        ExecForm?.Values ?? Arguments?.Words.Select(w => w.ValueText).ToArray() ?? (IReadOnlyList<string>)[];

    public IReadOnlyList<string> Sources => ArgumentValues.Count > 1 ? ArgumentValues.Take(ArgumentValues.Count - 1).ToArray() : [];
    public string? Destination => ArgumentValues.Count > 1 ? ArgumentValues[^1] : null;
}

/// <summary><c>COPY [--from --chown --chmod --link --parents --exclude] src... dest</c>.</summary>
public sealed class CopyInstructionSyntax : CopyLikeInstructionSyntax
{
    internal CopyInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>ADD [--checksum --keep-git-dir --unpack --chown --chmod --link --exclude] src... dest</c>.</summary>
public sealed class AddInstructionSyntax : CopyLikeInstructionSyntax
{
    internal AddInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary>An instruction whose arguments are whitespace-separated words: EXPOSE, and VOLUME in its word form.</summary>
public abstract class WordsInstructionSyntax : InstructionSyntax
{
    internal WordsInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public ArgumentListSyntax? Arguments => GetNode<ArgumentListSyntax>();
    public IReadOnlyList<SyntaxToken> Words => Arguments?.Words ?? [];
}

/// <summary><c>EXPOSE port[/protocol] ...</c>.</summary>
public sealed class ExposeInstructionSyntax : WordsInstructionSyntax
{
    internal ExposeInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>VOLUME ["/data"]</c> or <c>VOLUME /a /b</c>.</summary>
public sealed class VolumeInstructionSyntax : WordsInstructionSyntax
{
    internal VolumeInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public ExecFormSyntax? ExecForm => GetNode<ExecFormSyntax>();
}

/// <summary>Base of instructions that take the rest of the line verbatim as one value: USER, WORKDIR, STOPSIGNAL, MAINTAINER.</summary>
public abstract class SingleValueInstructionSyntax : InstructionSyntax
{
    internal SingleValueInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken ValueToken => GetToken(SyntaxKind.TextToken);
    public string Value => ValueToken.ValueText;
}

/// <summary><c>USER user[:group]</c>.</summary>
public sealed class UserInstructionSyntax : SingleValueInstructionSyntax
{
    internal UserInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>WORKDIR /path</c>.</summary>
public sealed class WorkdirInstructionSyntax : SingleValueInstructionSyntax
{
    internal WorkdirInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>STOPSIGNAL signal</c>.</summary>
public sealed class StopSignalInstructionSyntax : SingleValueInstructionSyntax
{
    internal StopSignalInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>MAINTAINER name</c> (deprecated).</summary>
public sealed class MaintainerInstructionSyntax : SingleValueInstructionSyntax
{
    internal MaintainerInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
}

/// <summary><c>ONBUILD instruction</c>: wraps a nested instruction (the trigger); heredocs attach to the ONBUILD node.</summary>
public sealed class OnBuildInstructionSyntax : InstructionSyntax
{
    internal OnBuildInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public InstructionSyntax? Trigger => GetNode<InstructionSyntax>();
}

/// <summary>An instruction keyword BuildKit does not know; its arguments are kept as words.</summary>
public sealed class UnknownInstructionSyntax : InstructionSyntax
{
    internal UnknownInstructionSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public ArgumentListSyntax? Arguments => GetNode<ArgumentListSyntax>();
}
