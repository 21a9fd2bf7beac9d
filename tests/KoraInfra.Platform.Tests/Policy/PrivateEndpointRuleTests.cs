using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-071 one link at a time: how an endpoint is matched to its service (connection name or
/// target id, manual connections too, any case), its group id, and its DNS zone group (by zone
/// id or config name, matched to the endpoint by name); a VNet-integrated server needs none.
/// </summary>
public sealed class PrivateEndpointRuleTests
{
    private const string Postgres = "azure-native:dbforpostgresql:Server";

    private static string[] Findings(CompliantPlatform stack)
    {
        var evaluation = PolicyEngine.Evaluate(stack.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find("KORA-071")!]);
        Assert.Empty(evaluation.Errors);
        return evaluation.Violations.Select(v => $"{v.ResourceUrn![(v.ResourceUrn!.LastIndexOf("::", StringComparison.Ordinal) + 2)..]}: {v.Message}").ToArray();
    }

    [Fact]
    public void An_endpoint_is_found_by_its_target_id_when_its_connection_has_another_name()
    {
        var stack = new CompliantPlatform("prod").SetNamed("endpoint-vault", "privateLinkServiceConnections", JsonNode.Parse("""[ { "name": "conn-1", "groupIds": [ "vault" ], "privateLinkServiceId": "/subscriptions/sub/providers/x/KV-KORA-PROD-BRS/" } ]"""));

        Assert.Empty(Findings(stack));
    }

    [Fact]
    public void A_manual_connection_counts_and_group_ids_match_in_any_case()
    {
        var stack = new CompliantPlatform("prod")
            .SetNamed("endpoint-vault", "privateLinkServiceConnections", null)
            .SetNamed("endpoint-vault", "manualPrivateLinkServiceConnections", JsonNode.Parse("""[ { "name": "KV-KORA-PROD-BRS", "groupIds": [ "Vault" ] } ]"""));

        Assert.Empty(Findings(stack));
    }

    [Fact]
    public void An_endpoint_whose_connection_names_another_service_does_not_count()
    {
        var stack = new CompliantPlatform("staging").SetNamed("endpoint-vault", "privateLinkServiceConnections", JsonNode.Parse("""[ { "name": "kv-other", "groupIds": [ "vault" ], "privateLinkServiceId": "/x/kv-other" } ]"""));

        Assert.Equal(["vault: no private endpoint connects to 'kv-kora-staging-brs': declare one in the endpoint subnet with group id 'vault' and a connection named after the resource"], Findings(stack));
    }

    [Fact]
    public void A_zone_group_may_name_its_zone_by_config_name_and_is_matched_to_the_endpoint_in_any_case()
    {
        var stack = new CompliantPlatform("prod")
            .SetNamed("zone-group-redis", "privateEndpointName", "PEP-KORA-PROD-BRS-REDIS")
            .SetNamed("zone-group-redis", "privateDnsZoneConfigs", JsonNode.Parse("""[ { "name": "privatelink-redis-cache-windows-net" } ]"""));

        Assert.Empty(Findings(stack));
    }

    [Fact]
    public void A_zone_group_for_another_endpoint_does_not_count()
    {
        var stack = new CompliantPlatform("prod").SetNamed("zone-group-redis", "privateEndpointName", "pep-kora-prod-brs-vault");

        Assert.Equal(["redis: the private endpoint of 'redis-kora-prod-brs' has no DNS zone group naming 'privatelink.redis.cache.windows.net': the host name would still resolve to the public address"], Findings(stack));
    }

    [Fact]
    public void An_endpoint_without_a_name_input_is_matched_by_its_logical_name()
    {
        var stack = new CompliantPlatform("prod")
            .SetNamed("endpoint-redis", "privateEndpointName", null)
            .SetNamed("zone-group-redis", "privateEndpointName", "endpoint-redis");

        Assert.Empty(Findings(stack));
    }

    [Fact]
    public void A_wrong_group_and_a_missing_zone_are_both_named()
    {
        var stack = new CompliantPlatform("staging")
            .SetNamed("endpoint-postgres", "privateLinkServiceConnections", JsonNode.Parse("""[ { "name": "psql-kora-staging-brs", "groupIds": [ "sqlServer", "x" ] } ]"""))
            .RemoveNamed("zone-group-postgres");

        Assert.Equal(
            [
                "postgres: the private endpoint of 'psql-kora-staging-brs' asks for group ids [sqlServer, x]; expected 'postgresqlServer'",
                "postgres: the private endpoint of 'psql-kora-staging-brs' has no DNS zone group naming 'privatelink.postgres.database.azure.com': the host name would still resolve to the public address",
            ],
            Findings(stack));
    }

    [Fact]
    public void A_vnet_integrated_server_needs_no_endpoint_and_an_empty_delegation_is_none()
    {
        var integrated = new CompliantPlatform("prod").RemoveNamed("endpoint-postgres").RemoveNamed("zone-group-postgres").Set(Postgres, "network.delegatedSubnetResourceId", "/subscriptions/sub/subnets/snet-postgres");
        var empty = new CompliantPlatform("prod").RemoveNamed("endpoint-postgres").RemoveNamed("zone-group-postgres").Set(Postgres, "network.delegatedSubnetResourceId", string.Empty);

        Assert.Empty(Findings(integrated));
        Assert.Equal(["postgres: no private endpoint connects to 'psql-kora-prod-brs': declare one in the endpoint subnet with group id 'postgresqlServer' and a connection named after the resource"], Findings(empty));
    }

    [Fact]
    public void A_service_without_a_name_is_named_as_unnamed()
    {
        var stack = new CompliantPlatform("prod").Set("azure-native:storage:StorageAccount", "accountName", null);

        Assert.Equal(["release-store: no private endpoint connects to '(unnamed)': declare one in the endpoint subnet with group id 'blob' and a connection named after the resource"], Findings(stack));
    }
}
