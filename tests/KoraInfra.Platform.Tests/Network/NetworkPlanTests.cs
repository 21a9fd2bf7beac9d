using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Secrets;

namespace KoraInfra.Platform.Tests.Network;

public sealed class NetworkPlanTests
{
    private static readonly string[] ManagementPorts = ["22", "3389", "5985", "5986"];

    private static NetworkPlan Plan(string stack) => NetworkPlan.For(Stacks.Committed(stack))!;

    [Theory]
    [InlineData("staging", "10.20.0.0/27", "10.20.0.32/27")]
    [InlineData("prod", "10.30.0.0/26", "10.30.0.64/27")]
    public void Subnets_are_sized_from_the_node_ceiling_and_the_endpoints(string stack, string nodes, string endpoints)
    {
        var plan = Plan(stack);

        Assert.Equal(nodes, plan.Subnet(SubnetRole.ClusterNodes)!.Prefix.ToString());
        Assert.Equal(endpoints, plan.Subnet(SubnetRole.PrivateEndpoints)!.Prefix.ToString());
        Assert.All(plan.Subnets, s => Assert.True(s.UsableAddresses >= s.AddressesNeeded - SubnetSizing.AzureReservedAddresses, $"{s.Name} holds {s.UsableAddresses} < {s.AddressesNeeded}"));
        Assert.Equal(plan.AddressSpace.Size - plan.Subnets.Sum(s => s.Prefix.Size), plan.FreeAddresses);
        Assert.Equal(plan.FreeAddresses, plan.FreeRanges.Sum(r => r.Size));
    }

    [Fact]
    public void Raising_the_node_ceiling_grows_the_node_subnet()
    {
        var settings = Stacks.Committed("prod");
        var bigger = settings with { Cluster = settings.Cluster with { MaxNodeCount = 40 } };

        var plan = NetworkPlan.For(bigger)!;

        // 2 x (40 + 4 surge) + 8 load balancer frontends + 5 reserved = 101 -> /25.
        Assert.Equal(25, plan.Subnet(SubnetRole.ClusterNodes)!.Prefix.PrefixLength);
    }

    [Fact]
    public void Staging_reaches_each_data_service_through_its_own_endpoint_and_exact_zone()
    {
        var plan = Plan("staging");

        Assert.Equal(
            [("vault", "kv-kora-staging-brs", "privatelink.vaultcore.azure.net", "vault"), ("postgres", "psql-kora-staging-brs", "privatelink.postgres.database.azure.com", "postgresqlServer"), ("redis", "redis-kora-staging-brs", "privatelink.redis.cache.windows.net", "redisCache"), ("release-store", "stkorastagingbrsrel", "privatelink.blob.core.windows.net", "blob")],
            plan.PrivateEndpoints.Select(e => (e.Key, e.TargetName, e.ZoneName, e.GroupId)));
        Assert.Equal(plan.PrivateEndpoints.Select(e => e.ZoneName).Distinct(), plan.DnsZones.Select(z => z.ZoneName));
    }

    [Fact]
    public void Prod_adds_the_redis_snapshot_storage_to_the_blob_zone()
    {
        var plan = Plan("prod");

        var snapshots = Assert.Single(plan.PrivateEndpoints, e => e.Key == "redis-snapshots");
        Assert.Equal("privatelink.blob.core.windows.net", snapshots.ZoneName);
        Assert.Equal(5, plan.PrivateEndpoints.Count);
        Assert.Equal(4, plan.DnsZones.Count);
    }

    [Fact]
    public void Dev_stays_public_behind_its_allowlist_with_no_endpoints_and_no_nat()
    {
        var plan = Plan("dev");

        Assert.Empty(plan.PrivateEndpoints);
        Assert.Null(plan.Subnet(SubnetRole.PrivateEndpoints));
        Assert.Null(plan.NatGateway);
        Assert.Equal("loadBalancer", plan.Cluster.OutboundType);
        Assert.Empty(plan.Cluster.AuthorizedRanges);
        Assert.Equal(["203.0.113.0/24"], plan.PublicAllowlist.Select(r => r.ToString()));
        Assert.Equal(PostgresConnectivity.PublicAllowlist, plan.Postgres);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Staging_and_prod_leave_through_the_nat_gateway_which_alone_reaches_the_api_server(string stack)
    {
        var plan = Plan(stack);

        Assert.NotNull(plan.NatGateway);
        Assert.True(plan.Subnet(SubnetRole.ClusterNodes)!.NatEgress);
        Assert.Equal("userAssignedNATGateway", plan.Cluster.OutboundType);
        Assert.True(plan.Cluster.AuthorizeNatEgress);
        Assert.Empty(plan.Cluster.AuthorizedRanges);
    }

    [Fact]
    public void Prod_egress_address_is_zone_redundant()
    {
        Assert.Equal(["1", "2", "3"], Plan("prod").NatGateway!.Zones);
        Assert.Empty(Plan("staging").NatGateway!.Zones);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_subnet_denies_inbound_by_default_and_opens_no_management_port_to_the_internet(string stack)
    {
        foreach (var subnet in Plan(stack).Subnets)
        {
            var last = subnet.SecurityGroup.Rules.MaxBy(r => r.Priority)!;
            Assert.Equal((RuleDirection.Inbound, RuleAccess.Deny, "*", "*"), (last.Direction, last.Access, last.Source, last.DestinationPorts.Single()));
            Assert.DoesNotContain(subnet.SecurityGroup.Rules, r => r.Access == RuleAccess.Allow && r.Source is "Internet" or "*" && r.DestinationPorts.Any(p => p == "*" || ManagementPorts.Contains(p)));
            Assert.Equal(subnet.SecurityGroup.Rules.Count, subnet.SecurityGroup.Rules.Select(r => r.Priority).Distinct().Count());
        }
    }

    [Fact]
    public void The_endpoint_subnet_admits_only_the_nodes_on_the_services_tls_ports()
    {
        var plan = Plan("prod");
        var endpoints = plan.Subnet(SubnetRole.PrivateEndpoints)!;

        var allow = Assert.Single(endpoints.SecurityGroup.Rules, r => r.Access == RuleAccess.Allow);
        Assert.Equal(plan.Subnet(SubnetRole.ClusterNodes)!.Prefix.ToString(), allow.Source);
        Assert.Equal(["443", "5432", "6380"], allow.DestinationPorts);
        Assert.True(endpoints.PrivateEndpointNetworkPolicies);
    }

    [Fact]
    public void The_cluster_uses_azure_cni_overlay_with_cilium_and_the_tenth_service_address_for_dns()
    {
        var cluster = Plan("staging").Cluster;

        Assert.Equal(("azure", "overlay", "cilium", "cilium"), (cluster.NetworkPlugin, cluster.NetworkPluginMode, cluster.NetworkDataplane, cluster.NetworkPolicy));
        Assert.Equal(("10.129.0.0/16", "10.101.0.0/20", "10.101.0.10"), (cluster.PodCidr, cluster.ServiceCidr, cluster.DnsServiceIp));
    }

    [Theory]
    [InlineData(EnvironmentName.Dev, PostgresConnectivity.PublicAllowlist)]
    [InlineData(EnvironmentName.Staging, PostgresConnectivity.PrivateEndpoint)]
    [InlineData(EnvironmentName.Prod, PostgresConnectivity.PrivateEndpoint)]
    public void The_postgres_mode_is_pinned_per_environment_because_azure_cannot_switch_a_server(EnvironmentName environment, PostgresConnectivity expected) =>
        Assert.Equal(expected, NetworkPlan.PostgresConnectivityFor(environment));

    [Fact]
    public void A_stack_on_a_cluster_it_does_not_declare_has_no_network()
    {
        var settings = Stacks.Committed("dev");
        var existing = settings with { Cluster = new ClusterSettings(ClusterMode.Existing, null, null, null, "kind-kora") };

        Assert.Null(NetworkPlan.For(existing));
    }
}
