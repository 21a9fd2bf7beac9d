using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-075 (disjoint network ranges) and KORA-050 (no other environment's data service), each
/// condition on its own: which ranges are compared with which, an overlap reported once, ranges
/// that touch without overlapping, and names that only look like another environment's.
/// </summary>
public sealed class NetworkAndIsolationRuleTests
{
    private const string Cluster = "azure-native:containerservice:ManagedCluster";
    private const string Network = "azure-native:network:VirtualNetwork";
    private const string Deployment = "kubernetes:apps/v1:Deployment";

    private static string[] Findings(CompliantPlatform stack, string ruleId)
    {
        var evaluation = PolicyEngine.Evaluate(stack.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find(ruleId)!]);
        Assert.Empty(evaluation.Errors);
        return evaluation.Violations.Select(v => v.Message).ToArray();
    }

    [Theory]
    [InlineData("10.20.16.0/20", "10.101.0.0/20", null)]
    [InlineData("10.19.255.0/24", "10.101.0.0/20", null)]
    [InlineData("10.20.15.0/24", "10.101.0.0/20", "pod range 10.20.15.0/24 overlaps VNet 10.20.0.0/20; every network range must be disjoint")]
    [InlineData("10.20.0.0/16", "10.101.0.0/20", "pod range 10.20.0.0/16 overlaps VNet 10.20.0.0/20; every network range must be disjoint")]
    [InlineData("10.129.0.0/16", "10.129.128.0/20", "service range 10.129.128.0/20 overlaps pod range 10.129.0.0/16; every network range must be disjoint")]
    public void Cluster_ranges_are_compared_with_the_vnet_and_each_other(string pods, string services, string? finding)
    {
        var stack = new CompliantPlatform("prod").Set(Cluster, "networkProfile.podCidr", pods).Set(Cluster, "networkProfile.serviceCidr", services);

        var findings = Findings(stack, "KORA-075");

        if (finding is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(finding, findings);
        }
    }

    [Fact]
    public void A_cluster_range_inside_a_subnet_is_reported_once_per_pair()
    {
        var stack = new CompliantPlatform("staging").Set(Cluster, "networkProfile.serviceCidr", "10.20.0.0/28");

        Assert.Equal(
            [
                "service range 10.20.0.0/28 overlaps VNet 10.20.0.0/20; every network range must be disjoint",
                "service range 10.20.0.0/28 overlaps subnet 10.20.0.0/27; every network range must be disjoint",
            ],
            Findings(stack, "KORA-075"));
    }

    [Fact]
    public void Two_subnets_sharing_addresses_overlap_and_subnets_side_by_side_do_not()
    {
        Assert.Empty(Findings(new CompliantPlatform("prod").SetNamed("subnet-endpoints", "addressPrefix", "10.20.0.32/27"), "KORA-075"));
        Assert.Equal(
            ["subnet 10.20.0.16/28 overlaps subnet 10.20.0.0/27; every network range must be disjoint"],
            Findings(new CompliantPlatform("prod").SetNamed("subnet-endpoints", "addressPrefix", "10.20.0.16/28"), "KORA-075"));
    }

    [Fact]
    public void A_subnet_with_a_list_of_prefixes_is_judged_by_each()
    {
        var stack = new CompliantPlatform("prod").SetNamed("subnet-endpoints", "addressPrefix", null).SetNamed("subnet-endpoints", "addressPrefixes", new JsonArray("10.20.0.64/27", "10.21.0.0/27"));

        Assert.Equal(["subnet 10.21.0.0/27 lies outside every VNet address space (10.20.0.0/20)"], Findings(stack, "KORA-075"));
    }

    [Fact]
    public void Two_vnets_are_compared_and_a_subnet_inside_either_is_inside()
    {
        var stack = new CompliantPlatform("prod")
            .Add(Network, "vnet-2", """{ "virtualNetworkName": "vnet-2", "addressSpace": { "addressPrefixes": [ "10.20.8.0/21", "10.40.0.0/20" ] } }""")
            .SetNamed("subnet-endpoints", "addressPrefix", "10.40.0.0/27");

        Assert.Equal(["VNet 10.20.8.0/21 overlaps VNet 10.20.0.0/20; every network range must be disjoint"], Findings(stack, "KORA-075"));
    }

    [Fact]
    public void Without_a_vnet_no_subnet_is_outside_one_and_unreadable_ranges_are_skipped()
    {
        Assert.Empty(Findings(new CompliantPlatform("prod").Remove(Network), "KORA-075"));
        Assert.Empty(Findings(new CompliantPlatform("prod").SetNamed("subnet-endpoints", "addressPrefix", "not-a-range"), "KORA-075"));
    }

    [Theory]
    [InlineData("https://kv-kora-prod-brs.vault.azure.net", "references kv-kora-prod, which belong(s) to another environment than 'staging'")]
    [InlineData("psql-kora-dev-brs.postgres.database.azure.com", "references psql-kora-dev, which belong(s) to another environment than 'staging'")]
    [InlineData("redis-kora-prod-brs:6380, kv-kora-dev-brs", "references redis-kora-prod, kv-kora-dev, which belong(s) to another environment than 'staging'")]
    [InlineData("kv-kora-staging-brs", null)]
    [InlineData("kv-kora-production-brs", null)]
    [InlineData("xkv-kora-prod-brs", null)]
    [InlineData("kv-Kora-prod-brs", null)]
    [InlineData("kv-k-prod-brs", null)]
    [InlineData("kv-koraplatx-prod-brs", null)]
    [InlineData("kv-kora2-prod-brs", "references kv-kora2-prod, which belong(s) to another environment than 'staging'")]
    public void Another_environments_vault_database_or_cache_is_named(string value, string? finding)
    {
        var stack = new CompliantPlatform("staging").Set(Deployment, "metadata.annotations", new JsonObject { ["a"] = value, ["b"] = new JsonArray(value) });

        Assert.Equal(finding is null ? [] : [finding], Findings(stack, "KORA-050"));
    }
}
