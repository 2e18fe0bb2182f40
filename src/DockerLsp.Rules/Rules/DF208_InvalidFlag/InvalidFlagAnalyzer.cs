using System.Collections.Frozen;
using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF208_InvalidFlag;

/// <summary>
/// DF208: a flag the instruction does not accept, or a flag value BuildKit rejects: HEALTHCHECK durations and retries, booleans,
/// <c>--mount</c> types and keys, <c>--network</c>, <c>--security</c>, <c>--chmod</c>, <c>--platform</c>. Values with variables are
/// not checked. Properties: <c>suggestion</c> (the nearest valid flag or mount key) and <c>removable</c> (the flag can be dropped).
/// </summary>
public sealed class InvalidFlagAnalyzer : DiagnosticAnalyzer
{
    public const string SuggestionProperty = "suggestion";
    public const string RemovableProperty = "removable";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF208",
        "Unknown flag or invalid flag value",
        "{0}",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Error);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.Flag);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var flag = (FlagSyntax)context.Node;
        if (flag.Parent is not InstructionSyntax instruction || flag.Name.Length == 0) return;
        var accepted = FlagSpecifications.ByInstruction.GetValueOrDefault(instruction.Kind) ?? FrozenDictionary<string, FlagSpecification>.Empty;
        if (!accepted.TryGetValue(flag.Name, out var specification))
        {
            var suggestion = StringDistance.FindNearest(flag.Name, accepted.Keys);
            var message = accepted.Count == 0
                ? $"{instruction.KeywordText} does not accept flags; '--{flag.Name}' is unknown."
                : $"Unknown flag '--{flag.Name}' for {instruction.KeywordText}." + (suggestion is null ? $" Valid flags: {string.Join(", ", accepted.Keys.Order().Select(k => "--" + k))}." : $" Did you mean '--{suggestion}'?");
            var properties = new Dictionary<string, string> { [RemovableProperty] = "true" };
            if (suggestion is not null) properties[SuggestionProperty] = suggestion;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, flag.NameSpan.IsEmpty ? flag.Span : flag.NameSpan, null, properties, DiagnosticTags.None, message));
            return;
        }

        if (specification.Kind == FlagValueKind.Mount)
        {
            CheckMount(context, flag);
            return;
        }
        if (FlagValueChecks.Check(specification, flag.Value) is { } problem)
        {
            var span = flag.ValueSpan.IsEmpty ? flag.Span : flag.ValueSpan;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, new Dictionary<string, string> { [RemovableProperty] = "true" }, DiagnosticTags.None, problem));
        }
    }

    private static void CheckMount(SyntaxNodeAnalysisContext context, FlagSyntax flag)
    {
        var options = flag.GetOptions();
        var type = options.LastOrDefault(o => o.Key == "type").Value ?? "bind";
        if (type.Contains('$')) return;
        if (!FlagSpecifications.MountKeys.TryGetValue(type, out var keys))
        {
            var typeOption = options.Last(o => o.Key == "type");
            var suggestion = StringDistance.FindNearest(type, FlagSpecifications.MountKeys.Keys);
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, typeOption.ValueSpan, null,
                suggestion is null ? null : new Dictionary<string, string> { [SuggestionProperty] = suggestion }, DiagnosticTags.None,
                $"Unknown mount type '{type}': use bind, cache, tmpfs, secret or ssh." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")));
            return;
        }
        foreach (var option in options)
        {
            if (option.Key.Length == 0 || keys.Contains(option.Key)) continue;
            var suggestion = StringDistance.FindNearest(option.Key, keys);
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, option.KeySpan, null,
                suggestion is null ? null : new Dictionary<string, string> { [SuggestionProperty] = suggestion }, DiagnosticTags.None,
                $"Unknown option '{option.Key}' for a {type} mount." + (suggestion is null ? $" Valid options: {string.Join(", ", keys.Order())}." : $" Did you mean '{suggestion}'?")));
        }
        if (type == "cache" && options.LastOrDefault(o => o.Key == "sharing") is { Value: { } sharing } sharingOption && sharing is not ("shared" or "private" or "locked") && !sharing.Contains('$'))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, sharingOption.ValueSpan, null, null, DiagnosticTags.None, $"Invalid cache sharing '{sharing}': use shared, private or locked."));
        }
        foreach (var option in options.Where(o => o.Key is "readonly" or "ro" or "readwrite" or "rw" or "required" && o.Value is not null))
        {
            if (!option.Value!.Contains('$') && FlagValueChecks.ParseBool(option.Value) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, option.ValueSpan, null, null, DiagnosticTags.None, $"'{option.Value}' is not a boolean for mount option '{option.Key}': use true or false."));
            }
        }
    }
}
