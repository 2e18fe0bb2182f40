using DockerLsp.Features.CodeActions;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;
using LspDiagnostic = DockerLsp.Server.Protocol.Diagnostic;

namespace DockerLsp.Server;

/// <summary>
/// Converts Features results into protocol DTOs (positions through <see cref="ProtocolConversions"/>). Pure functions of
/// their inputs; the shapes follow the negotiated client capabilities passed in.
/// </summary>
internal static class LspMapper
{
    public const string Source = "dockerlsp";

    public static LspDiagnostic ToDiagnostic(Document document, DocumentDiagnostic diagnostic, PositionEncoding encoding, bool relatedInformation = true)
    {
        var text = document.Text;
        var tags = new List<int>(2);
        if (diagnostic.Tags.HasFlag(DiagnosticTags.Unnecessary)) tags.Add(1);
        if (diagnostic.Tags.HasFlag(DiagnosticTags.Deprecated)) tags.Add(2);
        return new LspDiagnostic
        {
            Range = ProtocolConversions.ToRange(text, diagnostic.Span, encoding),
            Severity = diagnostic.Severity switch
            {
                DiagnosticLevel.Error => 1,
                DiagnosticLevel.Warning => 2,
                DiagnosticLevel.Info => 3,
                _ => 4,
            },
            Code = diagnostic.Id,
            CodeDescription = diagnostic.HelpLink is { } link ? new CodeDescription(link) : null,
            Source = Source,
            Message = diagnostic.Message,
            Tags = tags.Count == 0 ? null : tags,
            RelatedInformation = !relatedInformation || diagnostic.RelatedLocations.Count == 0 ? null : diagnostic.RelatedLocations
                .Select(r => new DiagnosticRelatedInformation(new Location(document.Uri, ProtocolConversions.ToRange(text, r.Span, encoding)), r.Message))
                .ToArray(),
            Data = new DiagnosticData(diagnostic.FixKey, document.Version),
        };
    }

    public static string ToKind(CodeActionCategory category) => category switch
    {
        CodeActionCategory.QuickFix => "quickfix",
        CodeActionCategory.RefactorRewrite => "refactor.rewrite",
        _ => "source.fixAll.dockerlsp",
    };

    /// <summary>The Features categories an LSP <c>only</c> filter asks for (null = everything). A prefix such as <c>refactor</c> or <c>source</c> matches its sub-kinds.</summary>
    public static IReadOnlySet<CodeActionCategory>? ToCategories(IReadOnlyList<string>? only)
    {
        if (only is null || only.Count == 0) return null;
        var set = new HashSet<CodeActionCategory>();
        foreach (var category in Enum.GetValues<CodeActionCategory>())
        {
            var kind = ToKind(category);
            if (only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal) || (o == "source.fixAll" && category == CodeActionCategory.SourceFixAll))) set.Add(category);
        }
        return set;
    }

    public static WorkspaceEdit ToWorkspaceEdit(Document document, IReadOnlyList<TextChange> changes, PositionEncoding encoding, bool documentChanges)
    {
        var edits = changes.Select(c => new TextEdit(ProtocolConversions.ToRange(document.Text, c.Span, encoding), c.NewText)).ToArray();
        return documentChanges && document.IsOpen
            ? new WorkspaceEdit { DocumentChanges = [new TextDocumentEdit(new VersionedTextDocumentIdentifier(document.Uri, document.Version), edits)] }
            : new WorkspaceEdit { Changes = new Dictionary<string, IReadOnlyList<TextEdit>> { [document.Uri] = edits } };
    }
}

/// <summary>The <c>data</c> stored on each diagnostic: the finding's key and the version it was computed on.</summary>
internal sealed record DiagnosticData(string FixKey, int Version);
