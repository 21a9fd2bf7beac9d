namespace KoraInfra.Platform.Settings;

/// <summary>
/// Case-insensitive word searches over ASCII text, which answer exactly as a <c>(?i)</c> regex of
/// literal words does on ASCII input. The secret detectors ask them first and fall back to their
/// regex for any other text: the regex source generator searches such word lists with
/// <c>SearchValues</c> (Teddy, a probabilistic map), generic framework code that is JIT-compiled
/// when a validate first reads a stack file (ReadyToRun cannot precompile it).
/// </summary>
internal static class AsciiWords
{
    /// <summary>Whether every character of <paramref name="text"/> is ASCII (where the searches below are exact).</summary>
    public static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> contains one of <paramref name="words"/>, ignoring case: <c>(?i)(a|b|c)</c>.</summary>
    public static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> ends with one of <paramref name="words"/>, ignoring case:
    /// <c>(?i)(a|b|c)$</c>, where <c>$</c> also matches before a final line feed.
    /// </summary>
    public static bool EndsWithAny(string text, string[] words)
    {
        var withoutFinalLineFeed = text.EndsWith('\n') ? text[..^1] : null;
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                || (withoutFinalLineFeed is not null && withoutFinalLineFeed.EndsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether one of <paramref name="words"/>, ignoring case, is followed somewhere in
    /// <paramref name="text"/> by <paramref name="separator"/> and at least
    /// <paramref name="minimumHexDigits"/> hexadecimal digits of either case:
    /// <c>(?i)(a|b):[0-9a-f]{16,}</c>.
    /// </summary>
    public static bool ContainsAnyFollowedByHex(string text, string[] words, char separator, int minimumHexDigits)
    {
        foreach (var word in words)
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var next = at + word.Length;
                if (next < text.Length && text[next] == separator && HexDigitsFrom(text, next + 1) >= minimumHexDigits)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int HexDigitsFrom(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiHexDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }
}
