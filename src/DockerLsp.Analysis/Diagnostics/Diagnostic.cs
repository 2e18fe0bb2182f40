using System.Collections.Immutable;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis;

/// <summary>A secondary location of a diagnostic with a short explanation (LSP relatedInformation).</summary>
public readonly record struct RelatedLocation(TextSpan Span, string Message);

/// <summary>
/// One finding in one document snapshot: the rule, the exact span it is about, the effective severity after configuration,
/// the formatted message, tags, related locations and string properties that code fixes read (and that an editor can
/// round-trip as LSP diagnostic <c>data</c>). Immutable. Two diagnostics are equal when rule, span, message and severity are.
/// </summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    private Diagnostic(DiagnosticDescriptor descriptor, TextSpan span, DiagnosticSeverity severity, string message,
        DiagnosticTags tags, ImmutableArray<RelatedLocation> additionalLocations, ImmutableDictionary<string, string> properties)
    {
        Descriptor = descriptor;
        Span = span;
        Severity = severity;
        Message = message;
        Tags = tags;
        AdditionalLocations = additionalLocations;
        Properties = properties;
    }

    /// <summary>Creates a diagnostic at the rule's default severity; the driver sets the effective one.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, TextSpan span, params object?[] messageArguments) =>
        Create(descriptor, span, null, null, DiagnosticTags.None, messageArguments);

    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        TextSpan span,
        IEnumerable<RelatedLocation>? additionalLocations,
        IEnumerable<KeyValuePair<string, string>>? properties,
        DiagnosticTags tags,
        params object?[] messageArguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new Diagnostic(
            descriptor,
            span,
            descriptor.DefaultSeverity,
            descriptor.FormatMessage(messageArguments),
            descriptor.Tags | tags,
            additionalLocations?.ToImmutableArray() ?? [],
            properties?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty);
    }

    public DiagnosticDescriptor Descriptor { get; }
    public string Id => Descriptor.Id;
    public TextSpan Span { get; }

    /// <summary>The effective severity (after configuration) once the driver has reported it.</summary>
    public DiagnosticSeverity Severity { get; }
    public string Message { get; }
    public DiagnosticTags Tags { get; }
    public ImmutableArray<RelatedLocation> AdditionalLocations { get; }
    public ImmutableDictionary<string, string> Properties { get; }

    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(Descriptor, Span, severity, Message, Tags, AdditionalLocations, Properties);

    public Diagnostic WithSpan(TextSpan span) =>
        span == Span ? this : new Diagnostic(Descriptor, span, Severity, Message, Tags, AdditionalLocations, Properties);

    /// <summary>The same diagnostic moved by <paramref name="delta"/> characters, related locations included (for reuse after an edit elsewhere).</summary>
    public Diagnostic Shifted(int delta) => new(Descriptor, new TextSpan(Span.Start + delta, Span.Length), Severity, Message, Tags,
        AdditionalLocations.IsDefaultOrEmpty ? AdditionalLocations : AdditionalLocations.Select(l => l with { Span = new TextSpan(l.Span.Start + delta, l.Span.Length) }).ToImmutableArray(),
        Properties);

    public Diagnostic WithProperty(string key, string value) =>
        new(Descriptor, Span, Severity, Message, Tags, AdditionalLocations, Properties.SetItem(key, value));

    public bool Equals(Diagnostic? other) =>
        other is not null && other.Descriptor.Equals(Descriptor) && other.Span == Span && other.Severity == Severity
        && string.Equals(other.Message, Message, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Diagnostic);
    /// <summary>
    /// Rule ID, span and severity only: consistent with <see cref="Equals(Diagnostic?)"/> (equal diagnostics have equal IDs),
    /// and cheap, since every analysis de-duplicates all its findings; hashing the descriptor record and the message string
    /// made that a measurable part of a keystroke in a large file.
    /// </summary>
    public override int GetHashCode() => HashCode.Combine(Descriptor.Id, Span, Severity);
    public override string ToString() => $"{Span} {Severity.ToName()} {Id}: {Message}";
}
