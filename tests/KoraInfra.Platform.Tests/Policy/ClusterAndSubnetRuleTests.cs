using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-072, KORA-073, KORA-077, KORA-040 and KORA-060 one condition at a time: node pools and
/// their subnet, subnets and their NSG (and the subnets Azure reserves), the API server's two ways
/// of being closed, digests exactly as long as they must be, and the alerts a stack deploys.
/// </summary>
public sealed class ClusterAndSubnetRuleTests
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

    [Fact]
    public void Every_pool_without_a_subnet_is_named_and_an_empty_list_is_its_own_finding()
    {
        var pools = new CompliantPlatform("prod").Set(Cluster, "agentPoolProfiles", JsonNode.Parse("""[ { "name": "system", "vnetSubnetID": "/s/nodes" }, { "name": "user", "vnetSubnetID": "" }, { } ]"""));

        Assert.Equal(
            [
                "node pool 'user' has no vnetSubnetID; place it in the environment's node subnet",
                "node pool '(unnamed)' has no vnetSubnetID; place it in the environment's node subnet",
            ],
            Findings(pools, "KORA-072"));
        Assert.Equal(["agentPoolProfiles is empty or unknown; every node pool must name its vnetSubnetID"], Findings(new CompliantPlatform("prod").Set(Cluster, "agentPoolProfiles", new JsonArray()), "KORA-072"));
        Assert.Equal(["agentPoolProfiles is empty or unknown; every node pool must name its vnetSubnetID"], Findings(new CompliantPlatform("prod").Set(Cluster, "agentPoolProfiles", null), "KORA-072"));
    }

    [Fact]
    public void A_separate_pool_with_its_subnet_passes()
    {
        var stack = new CompliantPlatform("staging").Add("azure-native:containerservice:AgentPool", "pool-batch", """{ "agentPoolName": "batch", "vnetSubnetID": "/s/nodes" }""");

        Assert.Empty(Findings(stack, "KORA-072"));
    }

    [Theory]
    [InlineData("GatewaySubnet")]
    [InlineData("azurefirewallsubnet")]
    [InlineData("AzureFirewallManagementSubnet")]
    [InlineData("RouteServerSubnet")]
    public void The_subnets_azure_reserves_need_no_nsg(string name)
    {
        var separate = new CompliantPlatform("dev").SetNamed("subnet-endpoints", "networkSecurityGroup", null).SetNamed("subnet-endpoints", "subnetName", name);
        var inline = new CompliantPlatform("dev").Set(Network, "subnets", JsonNode.Parse($$"""[ { "name": "{{name}}" } ]"""));

        Assert.Empty(Findings(separate, "KORA-073"));
        Assert.Empty(Findings(inline, "KORA-073"));
    }

    [Fact]
    public void A_subnet_is_named_by_subnet_name_then_name_then_its_logical_name()
    {
        var byName = new CompliantPlatform("dev").SetNamed("subnet-endpoints", "networkSecurityGroup", null).SetNamed("subnet-endpoints", "subnetName", null).SetNamed("subnet-endpoints", "name", "snet-x");
        var byLogical = new CompliantPlatform("dev").SetNamed("subnet-endpoints", "networkSecurityGroup", "id").SetNamed("subnet-endpoints", "subnetName", null);

        Assert.Equal(["subnet 'snet-x' has no networkSecurityGroup; associate the subnet's NSG"], Findings(byName, "KORA-073"));
        Assert.Equal(["subnet 'subnet-endpoints' has no networkSecurityGroup; associate the subnet's NSG"], Findings(byLogical, "KORA-073"));
    }

    [Fact]
    public void Inline_subnets_with_an_nsg_pass_and_each_without_one_is_named()
    {
        var stack = new CompliantPlatform("prod").Set(Network, "subnets", JsonNode.Parse("""[ { "name": "a", "networkSecurityGroup": { "id": "nsg" } }, { "networkSecurityGroup": "nsg" }, { "name": "c" } ]"""));

        Assert.Equal(
            [
                "inline subnet '(unnamed)' has no networkSecurityGroup; associate the subnet's NSG",
                "inline subnet 'c' has no networkSecurityGroup; associate the subnet's NSG",
            ],
            Findings(stack, "KORA-073"));
    }

    [Theory]
    [InlineData("""{ "enablePrivateCluster": true }""", null)]
    [InlineData("""{ "enablePrivateCluster": "true" }""", null)]
    [InlineData("""{ "enablePrivateCluster": false, "authorizedIPRanges": [ "198.51.100.7/32" ] }""", null)]
    [InlineData("""{ "enablePrivateCluster": false }""", "apiServerAccessProfile has neither enablePrivateCluster nor authorizedIPRanges: the API server answers the whole internet")]
    [InlineData("""{ "authorizedIPRanges": [] }""", "apiServerAccessProfile has neither enablePrivateCluster nor authorizedIPRanges: the API server answers the whole internet")]
    [InlineData("""{ "authorizedIPRanges": [ "198.51.100.7/32", "*" ] }""", "apiServerAccessProfile.authorizedIPRanges contains 0.0.0.0/0: that authorizes the whole internet")]
    [InlineData("""{ "enablePrivateCluster": true, "authorizedIPRanges": [ "0.0.0.0/0" ] }""", "apiServerAccessProfile.authorizedIPRanges contains 0.0.0.0/0: that authorizes the whole internet")]
    [InlineData("""{ "authorizedIPRanges": [ "0.0.0.0/1" ] }""", null)]
    public void The_api_server_is_private_or_limited_and_never_open_to_all(string profile, string? finding)
    {
        var stack = new CompliantPlatform("staging").Set(Cluster, "apiServerAccessProfile", JsonNode.Parse(profile));

        Assert.Equal(finding is null ? [] : [finding], Findings(stack, "KORA-077"));
    }

    [Theory]
    [InlineData("n8nio/n8n@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("n8nio/n8n:2.19.5@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("n8nio/n8n@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", false)]
    [InlineData("n8nio/n8n@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", false)]
    [InlineData("n8nio/n8n@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("n8nio/n8n@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void An_image_is_pinned_by_exactly_64_lowercase_hex_digits_of_sha256(string image, bool pinned)
    {
        var stack = new CompliantPlatform("prod").Container(Deployment, c => c["image"] = image);

        Assert.Equal(pinned ? [] : [$"container 'n8n' uses image '{image}'; expected name@sha256:<64 hex digits>"], Findings(stack, "KORA-040"));
    }

    [Fact]
    public void A_container_without_an_image_is_named_as_having_none()
    {
        var stack = new CompliantPlatform("prod").Container(Deployment, c => c.Remove("image"));

        Assert.Equal(["container 'n8n' uses image '(none)'; expected name@sha256:<64 hex digits>"], Findings(stack, "KORA-040"));
    }

    [Fact]
    public void The_alerts_may_be_spread_over_several_rule_resources_and_groups()
    {
        var names = KoraInfra.Platform.Policy.Rules.SeedAlertSetPresent.RequiredAlerts;
        JsonArray Rules(IEnumerable<string> alerts) => new(alerts.Select(a => (JsonNode)new JsonObject { ["alert"] = a }).ToArray());
        var stack = new CompliantPlatform("prod")
            .Set("kubernetes:monitoring.coreos.com/v1:PrometheusRule", "spec.groups", new JsonArray(new JsonObject { ["rules"] = Rules(names.Take(3)) }, new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["record"] = "x" }) }))
            .Add("kubernetes:monitoring.coreos.com/v1:PrometheusRule", "more-alerts", "{}");
        stack.Inputs("more-alerts")["spec"] = new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["rules"] = Rules(names.Skip(3)) }) };

        Assert.Empty(Findings(stack, "KORA-060"));
        Assert.Equal(
            [$"stack 'prod' does not deploy the alert(s) {names[^1]}"],
            Findings(new CompliantPlatform("prod").Set("kubernetes:monitoring.coreos.com/v1:PrometheusRule", "spec.groups", new JsonArray(new JsonObject { ["rules"] = Rules(names.SkipLast(1)) })), "KORA-060"));
    }
}
