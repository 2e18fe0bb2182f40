using System.Globalization;
using System.Text;

namespace DockerLsp.Syntax.Printing;

/// <summary>Go's strconv.Quote, which BuildKit's AST dump uses for every argument and flag.</summary>
internal static class GoQuote
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        var i = 0;
        while (i < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate cannot come from valid UTF-8; show it the way Go shows a non-printable rune.
                builder.Append("\\u").Append(((int)value[i]).ToString("x4", CultureInfo.InvariantCulture));
                i++;
                continue;
            }
            i += consumed;
            Append(builder, rune);
        }
        builder.Append('"');
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        var v = rune.Value;
        if (v == '"' || v == '\\')
        {
            builder.Append('\\').Append((char)v);
            return;
        }
        if (IsPrint(rune))
        {
            builder.Append(rune.ToString());
            return;
        }
        switch (v)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }
        if (v < ' ' || v == 0x7f) builder.Append("\\x").Append(v.ToString("x2", CultureInfo.InvariantCulture));
        else if (v < 0x10000) builder.Append("\\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
        else builder.Append("\\U").Append(v.ToString("x8", CultureInfo.InvariantCulture));
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or
            UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or
            UnicodeCategory.OtherPunctuation or
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }
}
