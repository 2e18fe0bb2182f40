using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF506_StaleDigest;

/// <summary>
/// DF506: a pinned digest that no longer matches its tag. Declared here so the ID, severity, configuration and documentation
/// live with the other rules, but this analyzer reports nothing by itself: knowing the tag's current digest needs the network,
/// and rules do no IO. The editor raises it (opt-in, <c>dockerlsp.registry.checkDigests</c>) from the registry cache in
/// <c>DockerLsp.Features.Images.StaleDigestAnalysisEngine</c>, with the fix "Update digest".
/// </summary>
public sealed class StaleDigestAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF506",
        "Pinned digest no longer matches its tag",
        "'{0}' is pinned to {1}, but the tag now points at {2}. Update the digest to pick up the republished image, or drop the tag if the pin is deliberate.",
        DiagnosticCategory.Maintainability,
        DiagnosticSeverity.Info);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>Nothing to register: the check needs the registry (see the type summary).</summary>
    public override void Initialize(AnalysisContext context)
    {
    }
}
