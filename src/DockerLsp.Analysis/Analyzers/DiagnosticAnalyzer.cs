using System.Collections.Immutable;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// Base of every rule analyzer. <see cref="Initialize"/> only registers callbacks; the driver walks the document, calls them,
/// applies configuration and suppressions, isolates exceptions and checks cancellation. Analyzers are stateless across
/// documents, do no IO, and may only report diagnostics whose descriptor is in <see cref="SupportedDiagnostics"/>.
/// </summary>
public abstract class DiagnosticAnalyzer
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public abstract void Initialize(AnalysisContext context);

    public override string ToString() => GetType().Name;
}
