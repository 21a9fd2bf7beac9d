using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Policy;
using KoraInfra.Tests.Support;
using KoraInfra.Tests.Workloads;

namespace KoraInfra.Tests.Network;

public sealed class PrivateNetworkTests
{
    private const string IdPrefix = "/subscriptions/sub-kora/resourceGroups/rg/providers/";

    public static TheoryData<string> PrivateStacks => new() { "staging", "prod" };

    // Each data service of a private stack: its endpoint key, the target resource (type, name), its group id and zone.
    public static TheoryData<string, string, string, string, string, string> Endpoints => new()
    {
        { "staging", "vault", "azure-native:keyvault:Vault", "vault", "vault", "privatelink.vaultcore.azure.net" },
        { "staging", "postgres", "azure-native:dbforpostgresql:Server", "server", "postgresqlServer", "privatelink.postgres.database.azure.com" },
        { "staging", "redis", "azure-native:redis:Redis", "redis", "redisCache", "privatelink.redis.cache.windows.net" },
        { "staging", "release-store", "azure-native:storage:StorageAccount", "release-store", "blob", "privatelink.blob.core.windows.net" },
        { "prod", "vault", "azure-native:keyvault:Vault", "vault", "vault", "privatelink.vaultcore.azure.net" },
        { "prod", "postgres", "azure-native:dbforpostgresql:Server", "server", "postgresqlServer", "privatelink.postgres.database.azure.com" },
        { "prod", "redis", "azure-native:redis:Redis", "redis", "redisCache", "privatelink.redis.cache.windows.net" },
        { "prod", "release-store", "azure-native:storage:StorageAccount", "release-store", "blob", "privatelink.blob.core.windows.net" },
        { "prod", "redis-snapshots", "azure-native:storage:StorageAccount", "redis-snapshots", "blob", "privatelink.blob.core.windows.net" },
    };

    private static string Id(string type, string name) => $"{IdPrefix}{type}/{name}";

    private static RecordedResource Named(StackRun run, string type, string name) => Assert.Single(run.OfType(type), r => r.Name == name);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_data_service_has_an_endpoint_in_the_endpoint_subnet_with_its_zone(string stack, string key, string targetType, string targetName, string groupId, string zone)
    {
        var run = await StackRun.RunAsync(stack);

        var endpoint = Named(run, "azure-native:network:PrivateEndpoint", $"endpoint-{key}");
        Assert.Equal(Id("azure-native:network:Subnet", "subnet-endpoints"), endpoint.At("subnet", "id"));
        var connection = Assert.Single(Inputs.Objects(endpoint.Inputs["privateLinkServiceConnections"]));
        Assert.Equal(Id(targetType, targetName), connection["privateLinkServiceId"]);
        Assert.Equal([groupId], Inputs.Texts(connection["groupIds"]));

        var group = Named(run, "azure-native:network:PrivateDnsZoneGroup", $"zone-group-{key}");
        Assert.Equal(endpoint.Text("privateEndpointName"), group.Text("privateEndpointName"));
        var config = Assert.Single(Inputs.Objects(group.Inputs["privateDnsZoneConfigs"]));
        var zoneResource = Named(run, "azure-native:privatedns:PrivateZone", $"zone-{zone}");
        Assert.Equal(zone, zoneResource.Text("privateZoneName"));
        Assert.Equal(Id("azure-native:privatedns:PrivateZone", $"zone-{zone}"), config["privateDnsZoneId"]);
    }

    [Theory]
    [MemberData(nameof(PrivateStacks))]
    public async Task Every_data_service_refuses_public_traffic(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        Assert.Equal("Disabled", Named(run, "azure-native:keyvault:Vault", "vault").At("properties", "publicNetworkAccess"));
        Assert.Equal("Disabled", Named(run, "azure-native:dbforpostgresql:Server", "server").At("network", "publicNetworkAccess"));
        Assert.Equal("Disabled", Named(run, "azure-native:redis:Redis", "redis").Text("publicNetworkAccess"));
        Assert.All(run.OfType("azure-native:storage:StorageAccount"), s => Assert.Equal("Disabled", s.Text("publicNetworkAccess")));
        Assert.NotEmpty(run.OfType("azure-native:storage:StorageAccount"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task Every_node_pool_is_in_the_node_subnet_and_every_subnet_has_its_nsg(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var aks = Named(run, "azure-native:containerservice:ManagedCluster", "aks");
        var pools = Inputs.Objects(aks.Inputs["agentPoolProfiles"]);
        Assert.NotEmpty(pools);
        Assert.All(pools, p => Assert.Equal(Id("azure-native:network:Subnet", "subnet-aks-nodes"), p["vnetSubnetID"]));
        Assert.Equal(("azure", "overlay", "cilium", "cilium"), ((string)aks.At("networkProfile", "networkPlugin")!, (string)aks.At("networkProfile", "networkPluginMode")!, (string)aks.At("networkProfile", "networkDataplane")!, (string)aks.At("networkProfile", "networkPolicy")!));
        foreach (var subnet in run.OfType("azure-native:network:Subnet"))
        {
            var nsg = (string)subnet.At("networkSecurityGroup", "id")!;
            Assert.StartsWith(IdPrefix + "azure-native:network:NetworkSecurityGroup/", nsg, StringComparison.Ordinal);
            Assert.Equal("vnet-kora-" + stack + "-brs", subnet.Text("virtualNetworkName"));
        }

        var grant = Named(run, "azure-native:authorization:RoleAssignment", "cluster-joins-network");
        Assert.Equal(Id("azure-native:network:VirtualNetwork", "vnet"), grant.Text("scope"));
        Assert.Equal("principal-cluster-identity", grant.Text("principalId"));
    }

    [Theory]
    [MemberData(nameof(PrivateStacks))]
    public async Task Staging_and_prod_leave_through_the_nat_gateway_and_only_it_reaches_the_api_server(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var nodes = Named(run, "azure-native:network:Subnet", "subnet-aks-nodes");
        Assert.Equal(Id("azure-native:network:NatGateway", "nat-gateway"), nodes.At("natGateway", "id"));
        Assert.Null(Named(run, "azure-native:network:Subnet", "subnet-endpoints").At("natGateway"));
        var aks = Named(run, "azure-native:containerservice:ManagedCluster", "aks");
        Assert.Equal("userAssignedNATGateway", aks.At("networkProfile", "outboundType"));
        Assert.Equal(["198.51.100.10/32"], Inputs.Texts(aks.At("apiServerAccessProfile", "authorizedIPRanges")));
    }

    [Fact]
    public async Task Dev_has_its_vnet_but_no_endpoints_and_no_nat()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.Single(run.OfType("azure-native:network:VirtualNetwork"));
        Assert.Empty(run.OfType("azure-native:network:PrivateEndpoint"));
        Assert.Empty(run.OfType("azure-native:network:NatGateway"));
        Assert.Equal("loadBalancer", Named(run, "azure-native:containerservice:ManagedCluster", "aks").At("networkProfile", "outboundType"));
    }

    [Theory]
    [MemberData(nameof(PrivateStacks))]
    public async Task What_n8n_and_the_migration_job_connect_to_resolves_through_a_zone_linked_to_the_clusters_vnet(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var vnetId = Id("azure-native:network:VirtualNetwork", "vnet");
        var vnetName = Named(run, "azure-native:network:VirtualNetwork", "vnet").Text("virtualNetworkName");
        Assert.Equal(vnetName, Named(run, "azure-native:network:Subnet", "subnet-aks-nodes").Text("virtualNetworkName"));

        var n8n = Assert.Single(run.OfType("kubernetes:apps/v1:Deployment"), d => d.MetadataName() == "n8n-main");
        var env = Inputs.Objects(Assert.Single(n8n.Containers())["env"]).ToDictionary(e => (string)e["name"]!, e => e.GetValueOrDefault("value") as string, StringComparer.Ordinal);
        var migration = Assert.Single(run.OfType("kubernetes:core/v1:Secret"), s => s.Map("metadata")["name"] as string == "kora-db-migrator");
        var migrationHost = ((string)migration.Map("stringData")["connection"]!).Split(';').Single(p => p.StartsWith("Host=", StringComparison.Ordinal))["Host=".Length..];
        var csi = Assert.Single(run.OfType("kubernetes:secrets-store.csi.x-k8s.io/v1:SecretProviderClass"));
        var vaultHost = (string)Inputs.Object(Inputs.Object(csi.Inputs["spec"])["parameters"])["keyvaultName"]! + ".vault.azure.net";

        foreach (var (host, service) in new[]
        {
            (env["DB_POSTGRESDB_HOST"]!, PrivateService.PostgreSql),
            (migrationHost, PrivateService.PostgreSql),
            (env["QUEUE_BULL_REDIS_HOST"]!, PrivateService.Redis),
            (vaultHost, PrivateService.KeyVault),
        })
        {
            // The public name's CNAME leads into the privatelink zone; the zone answers inside the linked VNet.
            var zone = PrivateServices.ZoneName(service);
            Assert.EndsWith("." + PrivateServices.PublicSuffix(service), host, StringComparison.Ordinal);
            var link = Named(run, "azure-native:privatedns:VirtualNetworkLink", $"zone-link-{zone}");
            Assert.Equal(zone, Named(run, "azure-native:privatedns:PrivateZone", $"zone-{zone}").Text("privateZoneName"));
            Assert.Equal(zone, link.Text("privateZoneName"));
            Assert.Equal(vnetId, link.At("virtualNetwork", "id"));
            Assert.True(link.Inputs["registrationEnabled"] is false);

            // The endpoint that writes the host's A record into that zone serves this very resource.
            var targetName = host.Split('.')[0];
            var endpoint = Assert.Single(run.OfType("azure-native:network:PrivateEndpoint"), e => Inputs.Objects(e.Inputs["privateLinkServiceConnections"]).Any(c => (string)c["name"]! == targetName));
            var group = Assert.Single(run.OfType("azure-native:network:PrivateDnsZoneGroup"), g => g.Text("privateEndpointName") == endpoint.Text("privateEndpointName"));
            Assert.Equal(Id("azure-native:privatedns:PrivateZone", $"zone-{zone}"), Assert.Single(Inputs.Objects(group.Inputs["privateDnsZoneConfigs"]))["privateDnsZoneId"]);
        }
    }

    [Theory]
    [MemberData(nameof(PrivateStacks))]
    public async Task The_network_rules_find_nothing_in_the_declared_stack(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var evaluation = PolicyEngine.Evaluate(run.Snapshot(), DateTimeOffset.UtcNow);

        var network = new[] { "KORA-013", "KORA-021", "KORA-031", "KORA-070", "KORA-071", "KORA-072", "KORA-073", "KORA-074", "KORA-075", "KORA-076", "KORA-077" };
        Assert.Empty(evaluation.Violations.Where(v => network.Contains(v.RuleId)).Select(v => $"{v.RuleId} {v.ResourceUrn}: {v.Message}"));
    }

    [Theory]
    [MemberData(nameof(PrivateStacks))]
    public async Task The_pipeline_runs_on_a_runner_scale_set_inside_the_environments_cluster(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var scaleSet = Named(run, "kubernetes:helm.sh/v3:Release", "runner-scale-set");
        Assert.Equal($"kora-{stack}", scaleSet.At("values", "runnerScaleSetName"));
        Assert.Equal(PipelineRunnerPlan.RepositoryUrl, scaleSet.At("values", "githubConfigUrl"));
        Assert.Equal(PipelineRunnerPlan.ChartVersion, scaleSet.Text("version"));
        Assert.Contains($"pulumi:providers:kubernetes::k8s-{stack}::", scaleSet.Provider, StringComparison.Ordinal);
        Assert.Equal(PipelineRunnerPlan.ChartVersion, Named(run, "kubernetes:helm.sh/v3:Release", "runner-controller").Text("version"));
    }

    [Fact]
    public async Task Dev_deploys_from_hosted_runners_and_declares_none()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.DoesNotContain(run.OfType("kubernetes:helm.sh/v3:Release"), r => r.Name.StartsWith("runner-", StringComparison.Ordinal));
    }
}
