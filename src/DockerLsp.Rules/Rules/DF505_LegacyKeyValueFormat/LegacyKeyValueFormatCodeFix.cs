using System.Collections.Immutable;
using System.Text;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF505_LegacyKeyValueFormat;

/// <summary>
/// Fixes DF505: the blank between key and value becomes '='; a value with blanks is quoted so that it stays one value. A value
/// without quotes or escapes is wrapped in double quotes; otherwise each blank outside quotes is escaped, which keeps BuildKit's
/// reading of the value exactly. Values spanning continuation lines are left alone.
/// </summary>
public sealed class LegacyKeyValueFormatCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [LegacyKeyValueFormatAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var pair = SyntaxHelpers.FindNode<KeyValuePairSyntax>(context.Document.SyntaxTree, context.Diagnostic.Span.Start);
        if (pair is null || !pair.IsLegacyForm) return;
        var value = pair.ValueToken;
        if (value.Text != value.ValueText) return;
        var escape = context.Document.SyntaxTree.EscapeCharacter;
        var newValue = Requote(value.Text, escape);
        var changes = new[]
        {
            new TextChange(TextSpan.FromBounds(pair.KeyToken.Span.End, value.Span.Start), "="),
            new TextChange(value.Span, newValue),
        }.Where(c => c.NewText != context.Document.Text.ToString(c.Span)).ToArray();
        context.RegisterCodeFix(CodeAction.Create(
            $"Use '{pair.Key}={newValue}'",
            _ => DocumentChanges.FromTextChanges(changes),
            LegacyKeyValueFormatAnalyzer.Descriptor.Id,
            isPreferred: true));
    }

    internal static string Requote(string value, char escape)
    {
        if (!value.Any(IsBlank)) return value.Length == 0 ? "\"\"" : value;
        if (!value.Any(c => c is '"' or '\'' || c == escape)) return "\"" + value + "\"";
        var builder = new StringBuilder(value.Length + 4);
        var quote = '\0';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote == '\0')
            {
                if (c == escape && i + 1 < value.Length)
                {
                    builder.Append(c).Append(value[++i]);
                    continue;
                }
                if (c is '"' or '\'') quote = c;
                else if (IsBlank(c)) builder.Append(escape);
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (c == escape && quote == '"' && i + 1 < value.Length)
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
