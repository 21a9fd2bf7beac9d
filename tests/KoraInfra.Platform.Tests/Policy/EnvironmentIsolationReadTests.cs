using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Rules;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-050 searches the UTF-8 bytes of a value read from a file before it makes a string of it,
/// and decodes escaped strings: whatever shape a value has, the same reference is found.
/// </summary>
public sealed class EnvironmentIsolationReadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("\"https://kv-kora-prod-brs.vault.azure.net\"")]
    [InlineData("\"https://\\u006bv-kora-prod-brs.vault.azure.net\"")]
    [InlineData("\"https://kv\\u002dkora-prod-brs.vault.azure.net\"")]
    [InlineData("\"Host=psql-kora-prod-brs.postgres.database.azure.com\"")]
    [InlineData("\"redis-kora-prod-brs.redis.cache.windows.net:6380\"")]
    public void A_prod_data_service_named_in_a_dev_export_is_found_however_the_string_is_escaped(string value)
    {
        var findings = Evaluate(Export(value));

        var finding = Assert.Single(findings);
        Assert.Equal("urn:pulumi:dev::kora-infra::kubernetes:core/v1:ConfigMap::cfg", finding.ResourceUrn);
        Assert.Contains("-kora-prod", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"https://kv-kora-dev-brs.vault.azure.net\"")]
    [InlineData("\"kv-kora\"")]
    [InlineData("\"prod\"")]
    [InlineData("\"\\u0070rod\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void Own_environment_references_other_strings_and_non_strings_pass(string value)
    {
        Assert.Empty(Evaluate(Export(value)));
    }

    [Fact]
    public void A_value_read_from_a_file_and_the_same_value_built_in_memory_find_the_same()
    {
        var read = Evaluate(Export("\"https://kv-kora-prod-brs.vault.azure.net\""));
        var resource = new ResourceSnapshot(
            "kubernetes:core/v1:ConfigMap",
            "urn:pulumi:dev::kora-infra::kubernetes:core/v1:ConfigMap::cfg",
            new JsonObject { ["data"] = new JsonObject { ["VAULT"] = "https://kv-kora-prod-brs.vault.azure.net" } },
            [],
            null,
            null);
        var built = PolicyEngine.Evaluate(new StackSnapshot("dev", [resource], []), Now, [new EnvironmentIsolation()]).Violations;

        Assert.Equal(read.Select(v => (v.ResourceUrn, v.Message)), built.Select(v => (v.ResourceUrn, v.Message)));
    }

    [Fact]
    public void References_keep_the_order_they_appear_in_and_each_is_named_once()
    {
        var findings = Evaluate(Export("\"psql-kora-staging-brs\", \"B\": \"kv-kora-prod-brs\", \"C\": [\"psql-kora-staging-brs\", \"redis-kora-prod-brs\"]"));

        Assert.Equal(
            "references psql-kora-staging, kv-kora-prod, redis-kora-prod, which belong(s) to another environment than 'dev'",
            Assert.Single(findings).Message);
    }

    private static string Export(string value) =>
        "{\"version\": 3, \"deployment\": {\"resources\": [{\"urn\": \"urn:pulumi:dev::kora-infra::kubernetes:core/v1:ConfigMap::cfg\", "
        + "\"type\": \"kubernetes:core/v1:ConfigMap\", \"inputs\": {\"data\": {\"A\": " + value + "}}, \"outputs\": {}}]}}";

    private static IReadOnlyList<PolicyViolation> Evaluate(string export) =>
        PolicyEngine.Evaluate(SnapshotReader.Read(export, "export.json").Snapshot, Now, [new EnvironmentIsolation()]).Violations;
}
