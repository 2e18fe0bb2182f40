namespace DockerLsp.Features.Hover.Docs;

/// <summary>
/// Documentation of one instruction keyword: what it does, its forms, its flags, an example and the advice that applies.
/// <see cref="Anchor"/> is the fragment of the instruction's section in the Dockerfile reference.
/// </summary>
public sealed record InstructionDoc(string Keyword, string Summary, IReadOnlyList<string> Forms, IReadOnlyList<string> Flags, string Example, string Advice, string Anchor);

/// <summary>
/// Documentation of one flag (<c>--name</c>) or flag option (a <c>--mount</c> key). <see cref="Syntax"/> shows how it is
/// written; <see cref="Anchor"/> is the fragment in the Dockerfile reference.
/// </summary>
public sealed record FlagDoc(string Name, string Syntax, string Summary, string Anchor, string? Example = null);

/// <summary>Where our hover texts link to: the official Dockerfile reference.</summary>
public static class DockerfileReference
{
    public const string BaseUri = "https://docs.docker.com/reference/dockerfile/";

    public static string Link(string anchor) => anchor.Length == 0 ? BaseUri : BaseUri + "#" + anchor;
}
