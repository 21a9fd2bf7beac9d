using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KoraInfra.Platform.Network;

/// <summary>
/// An IPv4 range in CIDR notation, always normalized (no host bits set), so two ranges compare,
/// overlap and nest by arithmetic rather than by text.
/// </summary>
/// <param name="First">The first address, as a number.</param>
/// <param name="PrefixLength">The prefix length, 0-32.</param>
public readonly record struct Ipv4Cidr(uint First, int PrefixLength)
{
    // RFC 1918: the only ranges a private network may use.
    private static readonly Ipv4Cidr[] Rfc1918 = [Parse("10.0.0.0/8"), Parse("172.16.0.0/12"), Parse("192.168.0.0/16")];

    /// <summary>How many addresses the range holds.</summary>
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>The last address, as a number.</summary>
    public uint Last => (uint)(First + (Size - 1));

    /// <summary>Whether the range lies inside the RFC 1918 private blocks.</summary>
    public bool IsPrivate
    {
        get
        {
            // A loop, not Any(): LINQ over this record struct is JIT-compiled at start-up
            // (ReadyToRun cannot precompile it), and every validate asks this of each range.
            foreach (var block in Rfc1918)
            {
                if (block.Contains(this))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Parses <c>a.b.c.d/n</c>; throws on anything else (use <see cref="TryParse"/> for user input).</summary>
    public static Ipv4Cidr Parse(string text) =>
        TryParse(text, out var cidr, out var why) ? cidr : throw new FormatException($"'{text}' is not an IPv4 range: {why}");

    /// <summary>Parses <c>a.b.c.d/n</c> with no host bits; <paramref name="why"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out Ipv4Cidr cidr, out string why)
    {
        cidr = default;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2
            || parts[0].Count(c => c == '.') != 3
            || !TryParseAddress(parts[0], out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > 32)
        {
            why = "not IPv4 CIDR notation such as '10.20.0.0/16'";
            return false;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((first & ~mask) != 0)
        {
            why = $"host bits set; the range starts at {Format(first & mask)}/{prefix}";
            return false;
        }

        cidr = new Ipv4Cidr(first, prefix);
        why = string.Empty;
        return true;
    }

    // Plain dotted decimal ("10.20.0.0") is read here; anything else (leading zeros, which
    // IPAddress reads as octal, or not an address at all) is left to IPAddress, whose parser is
    // generic code JIT-compiled at start-up (ReadyToRun cannot precompile it).
    private static bool TryParseAddress(string text, out uint address)
    {
        if (TryParseDottedDecimal(text, out address))
        {
            return true;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = parsed.GetAddressBytes();
        address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return true;
    }

    // Four parts of 1-3 ASCII digits, each 0-255 and without a leading zero, or false.
    private static bool TryParseDottedDecimal(string text, out uint address)
    {
        address = 0;
        var parts = 0;
        var i = 0;
        while (i <= text.Length)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            parts++;
            if (i == text.Length)
            {
                return parts == 4;
            }

            if (text[i] != '.' || parts == 4)
            {
                return false;
            }

            i++;
        }

        return false;
    }

    /// <summary>Whether the two ranges share at least one address.</summary>
    public bool Overlaps(Ipv4Cidr other) => First <= other.Last && other.First <= Last;

    /// <summary>Whether <paramref name="other"/> lies entirely inside this range.</summary>
    public bool Contains(Ipv4Cidr other) => First <= other.First && other.Last <= Last;

    /// <summary>The address <paramref name="offset"/> places after the first, as text.</summary>
    public string AddressAt(long offset) =>
        offset >= 0 && offset < Size ? Format((uint)(First + offset)) : throw new ArgumentOutOfRangeException(nameof(offset), offset, $"outside {this}");

    /// <summary>The smallest prefix length whose range holds <paramref name="addresses"/> addresses.</summary>
    public static int PrefixFor(long addresses)
    {
        var prefix = 32;
        while (prefix > 0 && (1L << (32 - prefix)) < addresses)
        {
            prefix--;
        }

        return prefix;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Format(First)}/{PrefixLength}";

    private static string Format(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");
}
