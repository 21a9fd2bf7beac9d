using System.Text.Json;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Input;

/// <summary>Inputs the fuzzing run found a reader did not refuse cleanly, each now a clean refusal.</summary>
public sealed class FuzzFindingTests
{
    [Fact]
    public void A_nested_key_ending_in_a_bracket_is_an_unknown_key_not_a_crash()
    {
        var config = JsonSerializer.Serialize(new Dictionary<string, string> { ["kora-infra:tags"] = "{\"environne]\": \"engineering\"}" });

        var result = StackSettingsBinder.Bind(PulumiConfigReader.Read("dev", config, null));

        Assert.Contains(result.Problems, p => p.Key == "kora-infra:tags.environne]");
    }

    [Fact]
    public void A_key_twice_in_one_engine_event_is_refused_naming_it_and_its_line()
    {
        var events = "{\"sequence\": 0}\n{\"sequence\": 1, \"resourcePreEvent\": {\"metadata\": {\"new\": {\"type\": \"a\", \"type\": \"b\"}}}}\n";

        var refused = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(events, "events.jsonl"));

        Assert.StartsWith("events.jsonl:2: the key 'type' twice in one object", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_twice_in_an_audit_entry_is_a_tampered_line_not_a_crash()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kora-audit-").FullName, "deploy-audit.jsonl");
        File.WriteAllText(path, "{\"sequence\": 1, \"who\": \"a\", \"who\": \"b\"}\n");

        using var key = KoraInfra.TestCases.ReleaseFixtures.NewKey();
        var verification = new DeployAuditLog(path, TimeProvider.System, key).Verify();

        Assert.Contains(verification.Problems, p => p.StartsWith("line 1: not a readable entry", StringComparison.Ordinal) && p.Contains("'who' twice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"sequence\": 1, \"resourcePreEvent\": [1, 2]}\n")]
    [InlineData("{\"sequence\": 1, \"resOutputsEvent\": \"x\"}\n")]
    [InlineData("{\"deployment\": [1]}")]
    [InlineData("{\"steps\": [1, \"x\", null]}")]
    public void A_list_or_value_where_an_object_belongs_is_refused_not_a_crash(string text)
    {
        var refused = Record.Exception(() => SnapshotReader.Read(text, "input.json", "prod"));

        Assert.True(refused is null or PolicyInputException, $"{refused?.GetType().Name}: {refused?.Message}");
    }

    [Theory]
    [InlineData("finding-tag.yaml")]
    [InlineData("finding-event.yaml")]
    public void Yaml_that_makes_the_parser_throw_an_argument_exception_is_broken_yaml(string seed)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, "tests", "KoraInfra.Fuzz", "corpus", "stack-file", seed));

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", bytes));

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void A_global_tag_that_is_not_a_uri_is_broken_yaml_with_its_line()
    {
        var result = StackFileReader.Read("Pulumi.dev.yaml", "%TAG !e! not a uri\n---\nconfig:\n  kora-infra:x: !e!y z\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("(yaml)", problem.Key);
        Assert.Contains("broken YAML", problem.Found, StringComparison.Ordinal);
    }
}
