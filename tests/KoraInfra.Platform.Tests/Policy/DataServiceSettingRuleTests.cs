using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// The data services' settings one at a time: PostgreSQL resilience in prod (each part alone,
/// unset named as unset, values in any case), a cache's TLS (the flag read as text too), and a
/// vault closed by either setting in any case.
/// </summary>
public sealed class DataServiceSettingRuleTests
{
    private const string Postgres = "azure-native:dbforpostgresql:Server";
    private const string Redis = "azure-native:redis:Redis";
    private const string Vault = "azure-native:keyvault:Vault";

    private static string[] Findings(CompliantPlatform stack, string ruleId)
    {
        var evaluation = PolicyEngine.Evaluate(stack.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find(ruleId)!]);
        Assert.Empty(evaluation.Errors);
        return evaluation.Violations.Select(v => v.Message).ToArray();
    }

    [Fact]
    public void Prod_resilience_names_each_missing_part_as_unset_and_reads_any_case()
    {
        var unset = new CompliantPlatform("prod").Set(Postgres, "highAvailability.mode", null).Set(Postgres, "backup.geoRedundantBackup", null);
        var anyCase = new CompliantPlatform("prod").Set(Postgres, "highAvailability.mode", "zoneredundant").Set(Postgres, "backup.geoRedundantBackup", "ENABLED");

        Assert.Equal(["highAvailability.mode is unset; expected ZoneRedundant", "backup.geoRedundantBackup is unset; expected Enabled"], Findings(unset, "KORA-022"));
        Assert.Empty(Findings(anyCase, "KORA-022"));
        Assert.Equal(["highAvailability.mode is SameZone; expected ZoneRedundant"], Findings(new CompliantPlatform("prod").Set(Postgres, "highAvailability.mode", "SameZone"), "KORA-022"));
    }

    [Theory]
    [InlineData("true", "enableNonSslPort is true; the non-TLS port must stay closed")]
    [InlineData("\"True\"", "enableNonSslPort is true; the non-TLS port must stay closed")]
    [InlineData("\"false\"", null)]
    [InlineData("\"sometimes\"", null)]
    public void The_non_tls_port_flag_is_read_as_a_boolean_or_its_text(string flag, string? finding)
    {
        var stack = new CompliantPlatform("dev").Set(Redis, "enableNonSslPort", System.Text.Json.Nodes.JsonNode.Parse(flag));

        Assert.Equal(finding is null ? [] : [finding], Findings(stack, "KORA-030"));
    }

    [Theory]
    [InlineData("1.3", "minimumTlsVersion is 1.3; expected 1.2")]
    [InlineData("1.2 ", "minimumTlsVersion is 1.2 ; expected 1.2")]
    [InlineData(null, "minimumTlsVersion is unset; expected 1.2")]
    public void A_cache_requires_exactly_tls_1_2(string? version, string finding)
    {
        var stack = new CompliantPlatform("dev").Set(Redis, "minimumTlsVersion", version);

        Assert.Equal([finding], Findings(stack, "KORA-030"));
    }

    [Theory]
    [InlineData("disabled", "allow")]
    [InlineData("Enabled", "deny")]
    public void A_vault_is_closed_by_either_setting_in_any_case(string publicAccess, string defaultAction)
    {
        var stack = new CompliantPlatform("prod").Set(Vault, "properties.publicNetworkAccess", publicAccess).Set(Vault, "properties.networkAcls.defaultAction", defaultAction);

        Assert.Empty(Findings(stack, "KORA-013"));
    }

    [Fact]
    public void A_vault_with_neither_setting_is_open()
    {
        var stack = new CompliantPlatform("staging").Set(Vault, "properties.publicNetworkAccess", null).Set(Vault, "properties.networkAcls", null);

        Assert.Equal(["public network access is open: set properties.publicNetworkAccess to Disabled or properties.networkAcls.defaultAction to Deny"], Findings(stack, "KORA-013"));
    }

    [Fact]
    public void A_database_tls_minimum_not_set_is_named_unset_and_a_wrong_one_is_quoted()
    {
        var stack = new CompliantPlatform("prod").RemoveNamed("ssl-min-protocol-version");

        Assert.Equal(["server 'psql-kora-prod-brs' has ssl_min_protocol_version unset; expected TLSv1.2 or TLSv1.3"], Findings(stack, "KORA-020"));
    }
}
