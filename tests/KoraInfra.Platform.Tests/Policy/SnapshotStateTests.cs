using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>How one Pulumi resource state becomes a resource: which member holds what, and what an odd member reads as.</summary>
public sealed class SnapshotStateTests
{
    private const string Urn = "urn:pulumi:prod::kora-infra::azure-native:redis:Redis::redis";

    [Fact]
    public void The_inputs_win_over_the_props_and_the_props_stand_in_when_the_inputs_are_missing()
    {
        Assert.Equal("from-inputs", Read("""{ "inputs": { "name": "from-inputs" }, "props": { "name": "from-props" } }""").Text("name"));
        Assert.Equal("from-props", Read("""{ "props": { "name": "from-props" } }""").Text("name"));
        Assert.Equal("from-props", Read("""{ "inputs": "odd", "props": { "name": "from-props" } }""").Text("name"));
        Assert.Equal("from-props", Read("""{ "inputs": null, "props": { "name": "from-props" } }""").Text("name"));
    }

    [Fact]
    public void The_outputs_answer_what_the_inputs_lack_and_an_odd_outputs_member_reads_as_none()
    {
        Assert.Equal("from-outputs", Read("""{ "inputs": {}, "outputs": { "name": "from-outputs" } }""").Text("name"));
        Assert.Null(Read("""{ "inputs": {}, "outputs": [ { "name": "x" } ] }""").Text("name"));
        Assert.Null(Read("""{ }""").Property("name"));
    }

    [Fact]
    public void Parent_and_provider_are_read_when_they_are_text()
    {
        var resource = Read("""{ "parent": "urn:pulumi:prod::kora-infra::pulumi:pulumi:Stack::kora-infra-prod", "provider": "urn:pulumi:prod::kora-infra::pulumi:providers:azure-native::default::id-1" }""");
        var odd = Read("""{ "parent": 7, "provider": { "urn": "x" } }""");

        Assert.Equal("urn:pulumi:prod::kora-infra::pulumi:pulumi:Stack::kora-infra-prod", resource.Parent);
        Assert.Equal("urn:pulumi:prod::kora-infra::pulumi:providers:azure-native::default::id-1", resource.Provider);
        Assert.Null(odd.Parent);
        Assert.Null(odd.Provider);
    }

    [Theory]
    [InlineData("""{ "urn": "urn:pulumi:prod::kora-infra::t::r" }""")]
    [InlineData("""{ "type": "t" }""")]
    [InlineData("""{ "type": 7, "urn": "urn:pulumi:prod::kora-infra::t::r" }""")]
    [InlineData("""{ "type": "t", "urn": null }""")]
    [InlineData("""[ "type", "urn" ]""")]
    [InlineData("""null""")]
    public void A_state_without_a_text_type_and_urn_is_named_by_its_index(string state)
    {
        var export = $$"""{ "version": 3, "deployment": { "resources": [ { "type": "t", "urn": "urn:pulumi:prod::kora-infra::t::ok" }, {{state}} ] } }""";

        var error = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(export, "export.json"));

        Assert.Equal("export.json: deployment.resources[1] has no 'type' and 'urn'; expected a Pulumi resource state", error.Message);
    }

    private static ResourceSnapshot Read(string members)
    {
        var state = members.TrimEnd().TrimEnd('}').TrimEnd();
        var separator = state.EndsWith('{') ? string.Empty : ",";
        var export = $$"""{ "version": 3, "deployment": { "resources": [ {{state}}{{separator}} "type": "azure-native:redis:Redis", "urn": "{{Urn}}" } ] } }""";
        return Assert.Single(SnapshotReader.Read(export, "export.json").Snapshot.Resources);
    }
}
