using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax;

/// <summary>
/// How the instruction keywords of a file are cased: how many take part (every instruction but unknown ones, ONBUILD
/// triggers included, keywords not missing), how many are unchanged by upper-casing and how many by lower-casing (a keyword
/// with no letters counts for both). Serves consistent-casing checks without visiting every instruction: the root sums
/// counts memoized per chunk of instructions, and the incremental parser reuses untouched chunks.
/// </summary>
public sealed record KeywordCasingCounts(int Total, int Upper, int Lower)
{
    public static readonly KeywordCasingCounts Zero = new(0, 0, 0);

    /// <summary>True when lower case is the majority (upper case wins a tie).</summary>
    public bool PreferLower => Lower > Upper;

    public static KeywordCasingCounts operator +(KeywordCasingCounts left, KeywordCasingCounts right) =>
        new(left.Total + right.Total, left.Upper + right.Upper, left.Lower + right.Lower);

    internal static KeywordCasingCounts Of(ReadOnlySpan<GreenNode> instructions)
    {
        int total = 0, upper = 0, lower = 0;
        foreach (var instruction in instructions) Count(instruction, ref total, ref upper, ref lower);
        return new KeywordCasingCounts(total, upper, lower);
    }

    private static void Count(GreenNode instruction, ref int total, ref int upper, ref int lower)
    {
        GreenToken? keyword = null;
        GreenNode? trigger = null;
        for (var i = 0; i < instruction.SlotCount; i++)
        {
            var slot = instruction.GetSlot(i);
            if (slot is GreenToken token)
            {
                if (keyword is null && token.Kind == SyntaxKind.KeywordToken) keyword = token;
            }
            else if (trigger is null && SyntaxFacts.IsInstruction(slot.Kind))
            {
                trigger = slot;
            }
        }
        if (instruction.Kind != SyntaxKind.UnknownInstruction && keyword is { IsMissing: false })
        {
            total++;
            if (IsUpper(keyword.ValueText)) upper++;
            if (IsLower(keyword.ValueText)) lower++;
        }
        if (instruction.Kind == SyntaxKind.OnBuildInstruction && trigger is not null) Count(trigger, ref total, ref upper, ref lower);
    }

    /// <summary>True when upper-casing would not change <paramref name="text"/>.</summary>
    public static bool IsUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAscii(c) ? char.IsAsciiLetterLower(c) : char.ToUpperInvariant(c) != c) return false;
        }
        return true;
    }

    /// <summary>True when lower-casing would not change <paramref name="text"/>.</summary>
    public static bool IsLower(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAscii(c) ? char.IsAsciiLetterUpper(c) : char.ToLowerInvariant(c) != c) return false;
        }
        return true;
    }
}
