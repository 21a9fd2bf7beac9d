using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Policy;

public sealed class SnapshotReaderTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Repository.Root, "tests", "KoraInfra.Platform.Tests", "Policy", "Fixtures", name));

    [Fact]
    public void A_stack_export_gives_every_resource_with_its_stack_and_secret_envelopes()
    {
        var (snapshot, format) = SnapshotReader.Read(Fixture("stack-export.prod.json"), "stack-export.prod.json");

        Assert.Equal(SnapshotFormat.StackExport, format);
        Assert.Equal("prod", snapshot.StackName);
        Assert.Equal(6, snapshot.Resources.Count);
        var secret = Assert.Single(snapshot.OfType("azure-native:keyvault:Secret"));
        Assert.True(ResourceSnapshot.IsSecret(secret.Property("properties.value")));
        var vault = Assert.Single(snapshot.OfType("azure-native:keyvault:Vault"));
        Assert.Equal("vault", vault.Name);
        Assert.Equal("kv-kora-prod-brs", vault.Text("vaultName"));
    }

    [Fact]
    public void A_stack_export_is_judged_by_the_same_rules()
    {
        var (snapshot, _) = SnapshotReader.Read(Fixture("stack-export.prod.json"), "stack-export.prod.json");

        var evaluation = PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now);

        Assert.Contains(evaluation.Violations, v => v.RuleId == "KORA-013" && v.ResourceUrn!.EndsWith("::vault", StringComparison.Ordinal));
        Assert.Contains(evaluation.Violations, v => v.RuleId == "KORA-001" && v.ResourceUrn is null);
        Assert.True(evaluation.IsBlocked);
    }

    [Fact]
    public void A_preview_gives_the_new_state_of_each_step_and_skips_deletes()
    {
        var (snapshot, format) = SnapshotReader.Read(Fixture("preview.staging.json"), "preview.staging.json");

        Assert.Equal(SnapshotFormat.PreviewJson, format);
        Assert.Equal("staging", snapshot.StackName);
        Assert.Equal(3, snapshot.Resources.Count);
        Assert.Empty(snapshot.OfType("kubernetes:core/v1:ConfigMap"));
        Assert.True(ResourceSnapshot.IsSecret(Assert.Single(snapshot.OfType("azure-native:keyvault:Secret")).Property("properties.value")));
        Assert.Contains(PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now).Violations, v => v.RuleId == "KORA-030");
    }

    [Fact]
    public void Engine_events_give_the_newest_state_per_resource_and_the_engines_own_findings()
    {
        var (snapshot, format) = SnapshotReader.Read(Fixture("events.prod.jsonl"), "events.prod.jsonl");

        Assert.Equal(SnapshotFormat.EngineEvents, format);
        Assert.Equal(2, snapshot.Resources.Count);
        var server = Assert.Single(snapshot.OfType("azure-native:dbforpostgresql:Server"));
        Assert.Equal("psql-kora-prod-brs.postgres.database.azure.com", server.Text("fullyQualifiedDomainName"));
        var finding = Assert.Single(snapshot.EngineFindings);
        Assert.Equal(("KORA-022", "mandatory", "kora-policy"), (finding.PolicyName, finding.EnforcementLevel, finding.PolicyPackName));
        Assert.True(PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now).IsBlocked);
    }

    [Fact]
    public void The_stack_can_be_named_when_the_urns_do_not_tell()
    {
        var (snapshot, format) = SnapshotReader.Read("""{ "resources": [] }""", "request.json", "dev");

        Assert.Equal(SnapshotFormat.EvaluationRequest, format);
        Assert.Equal("dev", snapshot.StackName);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("  \n", "empty")]
    [InlineData("{ \"steps\": [ }", "request.json:1: not valid JSON")]
    [InlineData("[1, 2]", "none of 'deployment'")]
    [InlineData("{ \"deployment\": { } }", "no 'deployment.resources' list")]
    [InlineData("{ \"resources\": [ { \"type\": \"x\" } ] }", "resources[0] has no 'type' and 'urn'")]
    [InlineData("{ \"resources\": [] }", "pass --stack")]
    [InlineData("{\"sequence\":1,\"timestamp\":2}\n{ broken", "request.json:2: an engine event that is not valid JSON")]
    public void Unreadable_input_names_the_file_and_what_was_expected(string text, string fragment)
    {
        var ex = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(text, "request.json"));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("request.json", ex.Message, StringComparison.Ordinal);
    }
}
