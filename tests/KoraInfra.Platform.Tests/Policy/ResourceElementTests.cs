using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// A resource holds its inputs and outputs as JSON elements: one read from a file points into the
/// parsed document, one built in memory converts its objects once. Both must read alike.
/// </summary>
public sealed class ResourceElementTests
{
    private const string Urn = "urn:pulumi:prod::kora-infra::azure-native:keyvault:Vault::vault";

    [Fact]
    public void A_resource_built_in_memory_reads_as_the_same_resource_read_from_a_file()
    {
        const string Inputs = """{ "vaultName": "kv-kora-prod-brs", "properties": { "enableSoftDelete": true, "softDeleteRetentionInDays": 90, "enablePurgeProtection": "false", "value": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "x" } } }""";
        var read = Read(Inputs);
        var built = new ResourceSnapshot("azure-native:keyvault:Vault", Urn, JsonNode.Parse(Inputs)!.AsObject(), [], null, null);

        foreach (var resource in new[] { read, built })
        {
            Assert.Equal("kv-kora-prod-brs", resource.Text("vaultName"));
            Assert.True(resource.Flag("properties.enableSoftDelete"));
            Assert.False(resource.Flag("properties.enablePurgeProtection"));
            Assert.Equal(90d, resource.Number("properties.softDeleteRetentionInDays"));
            Assert.True(ResourceSnapshot.IsSecret(resource.Property("properties.value")));
            Assert.Equal(JsonValueKind.Object, resource.Property("properties")?.ValueKind);
            Assert.Null(resource.Property("properties.missing"));
            Assert.Null(resource.Text("properties.softDeleteRetentionInDays"));
        }
    }

    [Fact]
    public void A_resource_built_in_memory_keeps_what_its_objects_held_when_it_was_built()
    {
        var inputs = new JsonObject { ["vaultName"] = "kv-kora-prod-brs" };
        var resource = new ResourceSnapshot("azure-native:keyvault:Vault", Urn, inputs, [], null, null);

        inputs["vaultName"] = "kv-kora-dev-brs";

        Assert.Equal("kv-kora-prod-brs", resource.Text("vaultName"));
    }

    [Fact]
    public void A_null_input_is_no_value_and_the_output_answers()
    {
        var resource = new ResourceSnapshot(
            "azure-native:keyvault:Vault",
            Urn,
            new JsonObject { ["vaultName"] = null, ["properties"] = null },
            new JsonObject { ["vaultName"] = "kv-kora-prod-brs", ["properties"] = new JsonObject { ["enableSoftDelete"] = true } },
            null,
            null);

        Assert.Equal("kv-kora-prod-brs", resource.Text("vaultName"));
        Assert.True(resource.Flag("properties.enableSoftDelete"));
    }

    [Fact]
    public void A_path_through_a_value_that_is_no_object_finds_nothing()
    {
        var resource = Read("""{ "tags": "environment", "zones": [ { "name": "1" } ], "empty": null }""");

        Assert.Null(resource.Property("tags.environment"));
        Assert.Null(resource.Property("zones.name"));
        Assert.Null(resource.Property("empty"));
        Assert.Null(resource.Property("empty.value"));
        Assert.Equal(JsonValueKind.Array, resource.Property("zones")?.ValueKind);
    }

    [Theory]
    [InlineData("\"[secret]\"", true)]
    [InlineData("\"secret\"", false)]
    [InlineData("{ \"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\" }", true)]
    [InlineData("{ \"value\": \"[secret]\" }", false)]
    [InlineData("[ \"[secret]\" ]", false)]
    [InlineData("7", false)]
    public void A_secret_is_a_state_file_envelope_or_a_previews_placeholder(string value, bool secret)
    {
        Assert.Equal(secret, ResourceSnapshot.IsSecret(Read($$"""{ "value": {{value}} }""").Property("value")));
        Assert.False(ResourceSnapshot.IsSecret(null));
    }

    [Fact]
    public void Resources_read_from_one_file_stay_readable_after_the_reader_is_done()
    {
        var (snapshot, _) = SnapshotReader.Read(Export("""{ "vaultName": "kv-kora-prod-brs" }"""), "export.json");
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal("kv-kora-prod-brs", Assert.Single(snapshot.Resources).Text("vaultName"));
    }

    private static ResourceSnapshot Read(string inputs) => Assert.Single(SnapshotReader.Read(Export(inputs), "export.json").Snapshot.Resources);

    private static string Export(string inputs) =>
        $$"""{ "version": 3, "deployment": { "resources": [ { "type": "azure-native:keyvault:Vault", "urn": "{{Urn}}", "inputs": {{inputs}} } ] } }""";
}
