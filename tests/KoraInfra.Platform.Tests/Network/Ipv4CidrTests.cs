using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Tests.Network;

public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.20.0.0/16", 65536, "10.20.255.255")]
    [InlineData("192.168.4.0/22", 1024, "192.168.7.255")]
    [InlineData("172.16.0.16/28", 16, "172.16.0.31")]
    public void A_range_knows_its_size_and_bounds(string text, long size, string last)
    {
        var range = Ipv4Cidr.Parse(text);

        Assert.Equal(size, range.Size);
        Assert.Equal(last, range.AddressAt(size - 1));
        Assert.Equal(text, range.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("fd00::/8")]
    [InlineData("10.0.0.1/8")]
    [InlineData("ten/8")]
    public void Anything_but_a_normalized_IPv4_range_is_refused(string text)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out _, out var why));
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void Host_bits_are_named_with_the_range_that_was_probably_meant()
    {
        Assert.False(Ipv4Cidr.TryParse("10.30.1.0/20", out _, out var why));

        Assert.Contains("10.30.0.0/20", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("172.16.0.0/12", true)]
    [InlineData("172.31.255.0/24", true)]
    [InlineData("172.32.0.0/16", false)]
    [InlineData("192.168.0.0/16", true)]
    [InlineData("192.169.0.0/16", false)]
    [InlineData("8.0.0.0/8", false)]
    [InlineData("10.0.0.0/7", false)]
    public void Private_means_inside_RFC_1918(string text, bool isPrivate) =>
        Assert.Equal(isPrivate, Ipv4Cidr.Parse(text).IsPrivate);

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.255.0/24", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("10.0.0.0/8", "10.200.0.0/16", true)]
    [InlineData("10.0.0.32/27", "10.0.0.0/27", false)]
    public void Overlap_is_symmetric_and_exact(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Ipv4Cidr.Parse(a).Overlaps(Ipv4Cidr.Parse(b)));
        Assert.Equal(overlaps, Ipv4Cidr.Parse(b).Overlaps(Ipv4Cidr.Parse(a)));
    }

    [Theory]
    [InlineData(1, 32)]
    [InlineData(33, 26)]
    [InlineData(64, 26)]
    [InlineData(65, 25)]
    public void The_prefix_for_a_count_is_the_next_power_of_two(long addresses, int prefix) =>
        Assert.Equal(prefix, Ipv4Cidr.PrefixFor(addresses));

    [Theory]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("255.255.255.255/32", "255.255.255.255/32")]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    // Not plain dotted decimal: read as IPAddress reads it (a leading zero is octal), as before.
    [InlineData("010.0.0.0/8", "8.0.0.0/8")]
    [InlineData("10.020.0.0/16", "10.16.0.0/16")]
    [InlineData("0x0a.0.0.0/8", "10.0.0.0/8")]
    public void Addresses_are_read_as_IPAddress_reads_them(string text, string normalized)
    {
        Assert.True(Ipv4Cidr.TryParse(text, out var range, out var why), why);
        Assert.Equal(normalized, range.ToString());
    }

    [Theory]
    [InlineData("256.0.0.0/8")]
    [InlineData("1000.0.0.0/8")]
    [InlineData("10.0.0.0.0/8")]
    [InlineData("10..0.0/8")]
    [InlineData("10.0.0./8")]
    [InlineData(".10.0.0/8")]
    [InlineData("10.0.0.0 /8")]
    [InlineData("10.0.0.-1/8")]
    [InlineData("10.0.0.١/8")]
    [InlineData("")]
    public void Malformed_addresses_are_refused_with_the_notation_expected(string text)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out _, out var why));
        Assert.Equal("not IPv4 CIDR notation such as '10.20.0.0/16'", why);
    }
}
