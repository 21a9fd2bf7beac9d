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
}
