using System.Text.Json;
using KoraInfra.Platform.Policy.Snapshots;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Settings;

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

        var verification = new DeployAuditLog(path, TimeProvider.System).Verify();

        Assert.Contains(verification.Problems, p => p.StartsWith("line 1: not a readable entry", StringComparison.Ordinal) && p.Contains("'who' twice", StringComparison.Ordinal));
    }
}
