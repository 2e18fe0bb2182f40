using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Rules;

/// <summary>
/// The rule catalogue: every analyzer and code-fix provider in this assembly (found by reflection, so a new rule folder needs no
/// registration), every descriptor (rules, parser diagnostics, engine diagnostics) sorted by ID, alias lookup, the rule
/// documentation pages embedded at build time, and shared, thread-safe driver and fix services for hosts.
/// </summary>
public static class RuleCatalog
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new(() => Instantiate<DiagnosticAnalyzer>());
    private static readonly Lazy<ImmutableArray<CodeFixProvider>> s_fixers = new(() => Instantiate<CodeFixProvider>());
    private static readonly Lazy<AnalyzerDriver> s_driver = new(() => new AnalyzerDriver(Analyzers));
    private static readonly Lazy<CodeFixService> s_codeFixService = new(() => new CodeFixService(CodeFixProviders));
    private static readonly Lazy<FixAllService> s_fixAllService = new(() => new FixAllService(CodeFixService));
    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> s_all = new(() =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .Concat(SyntaxDiagnosticDescriptors.All)
            .Concat(InternalDiagnosticDescriptors.All)
            .Distinct()
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray());
    private static readonly Lazy<FrozenDictionary<string, DiagnosticDescriptor>> s_byId = new(() => All.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase));

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => s_analyzers.Value;
    public static ImmutableArray<CodeFixProvider> CodeFixProviders => s_fixers.Value;

    /// <summary>Every descriptor, ordered by ID.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => s_all.Value;

    /// <summary>Descriptors of the rule analyzers only (not parser or engine diagnostics).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules => Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>A shared driver over all analyzers.</summary>
    public static AnalyzerDriver Driver => s_driver.Value;
    public static CodeFixService CodeFixService => s_codeFixService.Value;
    public static FixAllService FixAllService => s_fixAllService.Value;

    /// <summary>The descriptor with this ID (case-insensitive) or hadolint/BuildKit alias, or null.</summary>
    public static DiagnosticDescriptor? Find(string idOrAlias)
    {
        if (s_byId.Value.TryGetValue(idOrAlias, out var descriptor)) return descriptor;
        return All.FirstOrDefault(d => d.Matches(idOrAlias));
    }

    /// <summary>True when some code-fix provider handles <paramref name="id"/>.</summary>
    public static bool IsFixable(string id) => CodeFixService.HasProvider(id);

    /// <summary>The markdown page <c>docs/rules/ID.md</c> embedded in this assembly, or null.</summary>
    public static string? GetDocumentation(string id)
    {
        var descriptor = Find(id);
        if (descriptor is null) return null;
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream("DockerLsp.Rules.Docs." + descriptor.Id + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ImmutableArray<T> Instantiate<T>() where T : class =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
