using System.Collections.Frozen;
using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Rules;

/// <summary>
/// The rule catalogue: every analyzer and code-fix provider in this assembly (listed explicitly; a test checks the lists are
/// complete), every descriptor (rules, parser diagnostics, engine diagnostics) sorted by ID, alias lookup, the rule
/// documentation pages embedded at build time, and shared, thread-safe driver and fix services for hosts.
/// </summary>
public static class RuleCatalog
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new(CreateAnalyzers);
    private static readonly Lazy<ImmutableArray<CodeFixProvider>> s_fixers = new(CreateCodeFixProviders);
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

    // Explicit lists, ordered by full type name, rather than a scan of the assembly: no reflection (the server can be published
    // trimmed, docs/performance.md) and no loading of every type at startup. RuleCatalogTests checks that they name every
    // concrete analyzer and code-fix provider of this assembly, so a new rule that is not listed fails a test.
    private static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
    [
        new Rules.DF201_ShellFormCommand.ShellFormCommandAnalyzer(),
        new Rules.DF202_ShellEntrypointIgnoresCmd.ShellEntrypointIgnoresCmdAnalyzer(),
        new Rules.DF203_MultipleCommandInstructions.MultipleCommandInstructionsAnalyzer(),
        new Rules.DF204_InvalidStageReference.InvalidStageReferenceAnalyzer(),
        new Rules.DF205_InvalidStageName.InvalidStageNameAnalyzer(),
        new Rules.DF206_UndefinedVariable.UndefinedVariableAnalyzer(),
        new Rules.DF207_InvalidImageReference.InvalidImageReferenceAnalyzer(),
        new Rules.DF208_InvalidFlag.InvalidFlagAnalyzer(),
        new Rules.DF209_InvalidExpose.InvalidExposeAnalyzer(),
        new Rules.DF210_RelativeWorkdir.RelativeWorkdirAnalyzer(),
        new Rules.DF211_CopyDestinationNotDirectory.CopyDestinationNotDirectoryAnalyzer(),
        new Rules.DF301_ChainRunInstructions.ChainRunInstructionsAnalyzer(),
        new Rules.DF302_DecorationAfterBuildSteps.DecorationAfterBuildStepsAnalyzer(),
        new Rules.DF303_VolatileValueDeclaredEarly.VolatileValueDeclaredEarlyAnalyzer(),
        new Rules.DF304_AddInsteadOfCopy.AddInsteadOfCopyAnalyzer(),
        new Rules.DF305_CopyArchiveThenExtract.CopyArchiveThenExtractAnalyzer(),
        new Rules.DF306_CopyWholeContext.CopyWholeContextAnalyzer(),
        new Rules.DF307_DependencyManifestsWithSources.DependencyManifestsWithSourcesAnalyzer(),
        new Rules.DF308_RunAfterSourceCopy.RunAfterSourceCopyAnalyzer(),
        new Rules.DF309_CleanupInOwnLayer.CleanupInOwnLayerAnalyzer(),
        new Rules.DF310_PackageCacheLeft.PackageCacheLeftAnalyzer(),
        new Rules.DF311_AptInstallFlags.AptInstallFlagsAnalyzer(),
        new Rules.DF312_IndexRefreshWithoutInstall.IndexRefreshWithoutInstallAnalyzer(),
        new Rules.DF313_SecretFileInLayer.SecretFileInLayerAnalyzer(),
        new Rules.DF314_SingleStageWithToolchain.SingleStageWithToolchainAnalyzer(),
        new Rules.DF315_HeavyBaseImage.HeavyBaseImageAnalyzer(),
        new Rules.DF316_RecursiveOwnershipChange.RecursiveOwnershipChangeAnalyzer(),
        new Rules.DF401_RootUser.RootUserAnalyzer(),
        new Rules.DF402_SecretInArgOrEnv.SecretInArgOrEnvAnalyzer(),
        new Rules.DF501_BaseImageNotPinned.BaseImageNotPinnedAnalyzer(),
        new Rules.DF502_UntaggedBaseImage.UntaggedBaseImageAnalyzer(),
        new Rules.DF503_LatestTag.LatestTagAnalyzer(),
        new Rules.DF504_MaintainerDeprecated.MaintainerDeprecatedAnalyzer(),
        new Rules.DF505_LegacyKeyValueFormat.LegacyKeyValueFormatAnalyzer(),
        new Rules.DF506_StaleDigest.StaleDigestAnalyzer(),
        new Rules.DF601_InstructionCasing.InstructionCasingAnalyzer(),
        new Rules.DF602_FromAsCasing.FromAsCasingAnalyzer(),
        new Rules.DF603_EmptyContinuationLine.EmptyContinuationLineAnalyzer(),
        new Rules.DF604_JsonSingleQuotes.JsonSingleQuotesAnalyzer(),
    ];

    private static ImmutableArray<CodeFixProvider> CreateCodeFixProviders() =>
    [
        new Rules.DF201_ShellFormCommand.ShellFormCommandCodeFix(),
        new Rules.DF203_MultipleCommandInstructions.MultipleCommandInstructionsCodeFix(),
        new Rules.DF204_InvalidStageReference.InvalidStageReferenceCodeFix(),
        new Rules.DF205_InvalidStageName.InvalidStageNameCodeFix(),
        new Rules.DF206_UndefinedVariable.UndefinedVariableCodeFix(),
        new Rules.DF208_InvalidFlag.InvalidFlagCodeFix(),
        new Rules.DF209_InvalidExpose.InvalidExposeCodeFix(),
        new Rules.DF211_CopyDestinationNotDirectory.CopyDestinationNotDirectoryCodeFix(),
        new Rules.DF301_ChainRunInstructions.ChainRunInstructionsCodeFix(),
        new Rules.DF302_DecorationAfterBuildSteps.DecorationAfterBuildStepsCodeFix(),
        new Rules.DF303_VolatileValueDeclaredEarly.VolatileValueDeclaredEarlyCodeFix(),
        new Rules.DF304_AddInsteadOfCopy.AddInsteadOfCopyCodeFix(),
        new Rules.DF305_CopyArchiveThenExtract.CopyArchiveThenExtractCodeFix(),
        new Rules.DF306_CopyWholeContext.CopyWholeContextCodeFix(),
        new Rules.DF307_DependencyManifestsWithSources.DependencyManifestsWithSourcesCodeFix(),
        new Rules.DF308_RunAfterSourceCopy.RunAfterSourceCopyCodeFix(),
        new Rules.DF309_CleanupInOwnLayer.CleanupInOwnLayerCodeFix(),
        new Rules.DF310_PackageCacheLeft.PackageCacheLeftCodeFix(),
        new Rules.DF311_AptInstallFlags.AptInstallFlagsCodeFix(),
        new Rules.DF312_IndexRefreshWithoutInstall.IndexRefreshWithoutInstallCodeFix(),
        new Rules.DF313_SecretFileInLayer.SecretFileInLayerCodeFix(),
        new Rules.DF315_HeavyBaseImage.HeavyBaseImageCodeFix(),
        new Rules.DF316_RecursiveOwnershipChange.RecursiveOwnershipChangeCodeFix(),
        new Rules.DF401_RootUser.RootUserCodeFix(),
        new Rules.DF402_SecretInArgOrEnv.SecretInArgOrEnvCodeFix(),
        new Rules.DF504_MaintainerDeprecated.MaintainerDeprecatedCodeFix(),
        new Rules.DF505_LegacyKeyValueFormat.LegacyKeyValueFormatCodeFix(),
        new Rules.DF601_InstructionCasing.InstructionCasingCodeFix(),
        new Rules.DF602_FromAsCasing.FromAsCasingCodeFix(),
        new Rules.DF603_EmptyContinuationLine.EmptyContinuationLineCodeFix(),
        new Rules.DF604_JsonSingleQuotes.JsonSingleQuotesCodeFix(),
    ];
}
