using System.Collections.Immutable;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.CodeFixes;

/// <summary>How a code action touches a file other than the Dockerfile.</summary>
public enum FileEditKind
{
    /// <summary>Create the file with <see cref="FileEdit.Text"/>; it is expected not to exist.</summary>
    Create,

    /// <summary>Append <see cref="FileEdit.Text"/> to the file, creating it when missing.</summary>
    Append,
}

/// <summary>An edit to another file, by path relative to the build context root (with '/'), e.g. <c>.dockerignore</c>.</summary>
public sealed record FileEdit(string RelativePath, FileEditKind Kind, string Text);

/// <summary>
/// The result of a code action: minimal, non-overlapping text changes to the document, in the coordinates of the snapshot the
/// diagnostic came from, plus edits to other files of the build context. Never a whole-file replacement.
/// </summary>
public sealed record DocumentChanges(ImmutableArray<TextChange> TextChanges, ImmutableArray<FileEdit> FileEdits)
{
    public static DocumentChanges Empty { get; } = new([], []);

    public static DocumentChanges FromTextChanges(params IEnumerable<TextChange> changes) => new(changes.OrderBy(c => c.Span.Start).ToImmutableArray(), []);

    public bool IsEmpty => TextChanges.IsDefaultOrEmpty && FileEdits.IsDefaultOrEmpty;

    /// <summary>The document text after the text changes.</summary>
    public SourceText ApplyTo(SourceText text) => TextChanges.IsDefaultOrEmpty ? text : text.WithChanges([.. TextChanges]);
}
