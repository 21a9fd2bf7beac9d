using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Tests.Network;

public sealed class AddressPlannerTests
{
    [Fact]
    public void Subnets_are_carved_largest_first_on_their_own_boundaries()
    {
        var space = Ipv4Cidr.Parse("10.20.0.0/24");

        var allocated = AddressPlanner.Allocate(space, [new SubnetRequest(SubnetRole.PrivateEndpoints, 27), new SubnetRequest(SubnetRole.ClusterNodes, 26)]);

        Assert.NotNull(allocated);
        Assert.Equal("10.20.0.0/26", allocated[SubnetRole.ClusterNodes].ToString());
        Assert.Equal("10.20.0.64/27", allocated[SubnetRole.PrivateEndpoints].ToString());
    }

    [Fact]
    public void A_space_too_small_for_the_subnets_allocates_nothing()
    {
        var allocated = AddressPlanner.Allocate(Ipv4Cidr.Parse("10.20.0.0/26"), [new SubnetRequest(SubnetRole.ClusterNodes, 26), new SubnetRequest(SubnetRole.PrivateEndpoints, 27)]);

        Assert.Null(allocated);
    }

    [Fact]
    public void Free_space_is_every_address_no_subnet_uses_in_aligned_blocks()
    {
        var space = Ipv4Cidr.Parse("10.20.0.0/24");

        var free = AddressPlanner.Free(space, [Ipv4Cidr.Parse("10.20.0.0/26"), Ipv4Cidr.Parse("10.20.0.64/27")]);

        Assert.Equal(["10.20.0.96/27", "10.20.0.128/25"], free.Select(f => f.ToString()));
        Assert.Equal(256 - 64 - 32, free.Sum(f => f.Size));
    }

    [Fact]
    public void Requests_of_one_size_are_carved_in_role_order_whatever_order_they_come_in()
    {
        var space = Ipv4Cidr.Parse("10.20.0.0/24");

        var allocated = AddressPlanner.Allocate(space, [new SubnetRequest(SubnetRole.PrivateEndpoints, 26), new SubnetRequest(SubnetRole.ClusterNodes, 26)]);

        Assert.NotNull(allocated);
        Assert.Equal("10.20.0.0/26", allocated[SubnetRole.ClusterNodes].ToString());
        Assert.Equal("10.20.0.64/26", allocated[SubnetRole.PrivateEndpoints].ToString());
    }

    [Theory]
    [InlineData("10.20.0.0/24", 26, 27, true)]
    [InlineData("10.20.0.0/26", 26, 27, false)]
    [InlineData("10.20.0.0/25", 26, 26, true)]
    [InlineData("10.20.0.0/25", 25, 27, false)]
    [InlineData("10.20.0.0/26", 25, 28, false)]
    public void Fits_says_whether_allocate_would_succeed(string space, int nodes, int endpoints, bool fits)
    {
        SubnetRequest[] requests = [new(SubnetRole.ClusterNodes, nodes), new(SubnetRole.PrivateEndpoints, endpoints)];

        Assert.Equal(fits, AddressPlanner.Fits(Ipv4Cidr.Parse(space), requests));
        Assert.Equal(fits, AddressPlanner.Allocate(Ipv4Cidr.Parse(space), requests) is not null);
    }

    [Fact]
    public void Needed_adds_up_every_request_at_its_size() =>
        Assert.Equal(64 + 32 + 16, AddressPlanner.Needed([new(SubnetRole.ClusterNodes, 26), new(SubnetRole.PrivateEndpoints, 27), new(SubnetRole.PrivateEndpoints, 28)]));
}
