using System.Collections.Immutable;

namespace DockerLsp.Analysis.CodeFixes;

/// <summary>
/// Finds the code actions for a diagnostic by asking every provider that declares its ID. Stateless apart from the provider
/// table, thread-safe. A provider that throws is skipped (its actions are missing) rather than failing the request; the host
/// learns about it through the optional <c>providerFailed</c> callback (to log it).
/// </summary>
public sealed class CodeFixService
{
    private readonly ImmutableDictionary<string, ImmutableArray<CodeFixProvider>> _providersById;
    private readonly Action<CodeFixProvider, Exception>? _providerFailed;

    public CodeFixService(IEnumerable<CodeFixProvider> providers, Action<CodeFixProvider, Exception>? providerFailed = null)
    {
        _providerFailed = providerFailed;
        Providers = providers.ToImmutableArray();
        _providersById = Providers
            .SelectMany(p => p.FixableDiagnosticIds.Select(id => (id, p)))
            .GroupBy(x => x.id, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Select(x => x.p).ToImmutableArray(), StringComparer.Ordinal);
    }

    public ImmutableArray<CodeFixProvider> Providers { get; }

    /// <summary>Rule IDs that have at least one provider.</summary>
    public IEnumerable<string> FixableDiagnosticIds => _providersById.Keys;

    public bool HasProvider(string diagnosticId) => _providersById.ContainsKey(diagnosticId);

    /// <summary>The actions offered for <paramref name="diagnostic"/>, preferred first.</summary>
    public ImmutableArray<CodeAction> GetFixes(DockerfileDocument document, Diagnostic diagnostic, CancellationToken cancellationToken = default)
    {
        if (!_providersById.TryGetValue(diagnostic.Id, out var providers)) return [];
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var provider in providers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            try
            {
                provider.RegisterCodeFixes(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _providerFailed?.Invoke(provider, exception);
            }
        }
        return actions.OrderByDescending(a => a.IsPreferred).ToImmutableArray();
    }

    /// <summary>The fix-all strategy for a rule, from its first provider.</summary>
    public FixAllProvider? GetFixAllProvider(string diagnosticId) =>
        _providersById.TryGetValue(diagnosticId, out var providers) ? providers[0].GetFixAllProvider() : null;
}
