using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.CodeFixes;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// <see cref="RuleCatalog"/> lists its analyzers and code-fix providers explicitly (no reflection in the shipped server, which can
/// be published trimmed); these tests find them by reflection instead and check that the lists are complete, without
/// duplicates, and ordered by full type name.
/// </summary>
public sealed class RuleCatalogTests
{
    private static List<string> Discovered<T>() =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_analyzer_of_the_assembly_is_listed_once_in_order() =>
        Assert.Equal(Discovered<DiagnosticAnalyzer>(), RuleCatalog.Analyzers.Select(a => a.GetType().FullName!).ToList());

    [Fact]
    public void Every_code_fix_provider_of_the_assembly_is_listed_once_in_order() =>
        Assert.Equal(Discovered<CodeFixProvider>(), RuleCatalog.CodeFixProviders.Select(f => f.GetType().FullName!).ToList());
}
