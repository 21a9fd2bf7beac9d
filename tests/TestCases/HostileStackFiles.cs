using System.Text;

namespace KoraInfra.TestCases;

/// <summary>
/// Stack files a hostile or careless user could hand kora: each is the committed dev file with one
/// hostile addition, built at run time, so the readers' limits are proved on realistic input.
/// </summary>
public static class HostileStackFiles
{
    /// <summary>The line after which every addition goes (a top-level key of the config mapping).</summary>
    public const string Anchor = "  kora-infra:sizingTier: small\n";

    /// <summary>
    /// A "billion laughs" document: nine levels of nine aliases each, a few hundred bytes that
    /// expand to 9^9 values when walked.
    /// </summary>
    public static string AliasBomb(string dev)
    {
        var bomb = new StringBuilder();
        bomb.Append("  kora-infra:l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"  kora-infra:l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }

        return Insert(dev, bomb.ToString());
    }

    /// <summary>The line numbers (1-based) of the alias bomb's lines in <see cref="AliasBomb"/>'s text.</summary>
    public static (int First, int Last) AliasBombLines(string dev)
    {
        var first = LineAfterAnchor(dev);
        return (first, first + 9);
    }

    /// <summary>A value nested <paramref name="depth"/> lists deep.</summary>
    public static string DeepNesting(string dev, int depth) =>
        Insert(dev, $"  kora-infra:deep: {new string('[', depth)}x{new string(']', depth)}\n");

    /// <summary>A value <paramref name="length"/> characters long.</summary>
    public static string LongValue(string dev, int length) =>
        Insert(dev, $"  kora-infra:long: {new string('a', length)}\n");

    /// <summary>A mapping of <paramref name="count"/> keys.</summary>
    public static string ManyKeys(string dev, int count) =>
        Insert(dev, "  kora-infra:wide:\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"    k{i}: {i}\n")));

    /// <summary>The sizing tier given twice; the second copy is on the line after the first.</summary>
    public static string DuplicatedKey(string dev) => Insert(dev, "  kora-infra:sizingTier: medium\n");

    /// <summary>The dev file's bytes with one Latin-1 byte (0xE9, "é") inside the naming prefix.</summary>
    public static byte[] NotUtf8(string dev, out int badByte, out int line)
    {
        var bytes = Encoding.UTF8.GetBytes(dev);
        var at = dev.IndexOf("kora-infra:namingPrefix: kora", StringComparison.Ordinal) + "kora-infra:namingPrefix: ko".Length;
        badByte = Encoding.UTF8.GetByteCount(dev.AsSpan(0, at));
        line = dev.AsSpan(0, at).Count('\n') + 1;
        bytes[badByte] = 0xE9;
        return bytes;
    }

    /// <summary>The 1-based line of the first line after <see cref="Anchor"/>.</summary>
    public static int LineAfterAnchor(string dev)
    {
        var at = dev.IndexOf(Anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"the dev stack file must hold '{Anchor.Trim()}'", nameof(dev));
        }

        return dev.AsSpan(0, at).Count('\n') + 2;
    }

    private static string Insert(string dev, string lines)
    {
        var at = dev.IndexOf(Anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"the dev stack file must hold '{Anchor.Trim()}'", nameof(dev));
        }

        return string.Concat(dev.AsSpan(0, at + Anchor.Length), lines, dev.AsSpan(at + Anchor.Length));
    }
}
