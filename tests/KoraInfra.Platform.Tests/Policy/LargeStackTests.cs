using System.Globalization;
using System.Text;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// A stack large enough that the rules are judged side by side, and an export large enough that
/// the limits' pass and the parse run side by side: the result must be the one that judging and
/// reading one step after the other gives, in the same order, with the same refusals.
/// </summary>
public sealed class LargeStackTests
{
    // 600 workloads, 600 ConfigMaps and 300 vaults: more than the engine's parallel threshold, and
    // with violations of several rules (tag-pinned images, missing limits, secret-looking values,
    // vaults without purge protection) spread through it.
    private static string Export(int workloads = 600, string tail = "")
    {
        var resources = new StringBuilder();
        for (var i = 0; i < workloads; i++)
        {
            var image = i % 3 == 0 ? "ghcr.io/koraos/api:1.4" : "ghcr.io/koraos/api@sha256:" + new string('a', 64);
            var limits = i % 5 == 0 ? "" : """, "resources": { "limits": { "cpu": "1", "memory": "1Gi" } }""";
            resources.Append(CultureInfo.InvariantCulture, $$"""{ "type": "kubernetes:apps/v1:Deployment", "urn": "urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::api-{{i}}", "inputs": { "spec": { "template": { "spec": { "containers": [ { "name": "api", "image": "{{image}}", "securityContext": { "runAsNonRoot": true }{{limits}} } ] } } } } },""");
            var value = i % 4 == 0 ? "p4ssw0rd-" + i.ToString(CultureInfo.InvariantCulture) + "-Zq8x" : "info";
            resources.Append(CultureInfo.InvariantCulture, $$"""{ "type": "kubernetes:core/v1:ConfigMap", "urn": "urn:pulumi:prod::kora-infra::kubernetes:core/v1:ConfigMap::config-{{i}}", "inputs": { "data": { "DB_PASSWORD": "{{value}}" } } },""");
            if (i % 2 == 0)
            {
                var purge = i % 4 == 0 ? "false" : "true";
                resources.Append(CultureInfo.InvariantCulture, $$"""{ "type": "azure-native:keyvault:Vault", "urn": "urn:pulumi:prod::kora-infra::azure-native:keyvault:Vault::vault-{{i}}", "inputs": { "properties": { "enableRbacAuthorization": true, "enablePurgeProtection": {{purge}} } } },""");
            }
        }

        resources.Length--;
        return $$"""{ "version": 3, "deployment": { "resources": [ {{resources}} ] }{{tail}} }""";
    }

    [Fact]
    public void A_large_stack_is_judged_as_each_rule_alone_judges_it_in_rule_order()
    {
        var (snapshot, _) = SnapshotReader.Read(Export(), "export.json");
        Assert.True(snapshot.Resources.Count > 1_000);

        var evaluation = PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now);

        var oneByOne = PolicyRules.All.SelectMany(rule => PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now, [rule]).Violations).ToList();
        Assert.Equal(oneByOne, evaluation.Violations);
        Assert.Equal(PolicyRules.All.Select(r => r.Id), evaluation.Rules.Select(r => r.Rule.Id));
        string[] expected = ["KORA-012", "KORA-040", "KORA-042", "KORA-044"];
        Assert.Subset(evaluation.Violations.Select(v => v.RuleId).ToHashSet(), expected.ToHashSet());
        Assert.Equal(200, evaluation.Violations.Count(v => v.RuleId == "KORA-040"));
    }

    [Fact]
    public void A_rule_that_throws_on_a_large_stack_keeps_what_it_found_and_the_others_still_run()
    {
        var (snapshot, _) = SnapshotReader.Read(Export(), "export.json");
        var rules = PolicyRules.All.Append(new FindsOnceThenThrows()).ToList();

        var evaluation = PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now, rules);

        var error = Assert.Single(evaluation.Errors);
        Assert.Equal("KORA-998", error.RuleId);
        Assert.Equal("InvalidOperationException: broken after one", error.Message);
        Assert.Equal("KORA-998", evaluation.Violations[^1].RuleId);
        Assert.Equal("found before the failure", evaluation.Violations[^1].Message);
        Assert.Contains(evaluation.Violations, v => v.RuleId == "KORA-040");
    }

    [Fact]
    public void A_large_export_reads_from_bytes_as_it_reads_from_text()
    {
        var text = Export(workloads: 2_500);
        Assert.True(Encoding.UTF8.GetByteCount(text) > 1 << 20, "the export must be large enough for the side-by-side read");

        var fromText = SnapshotReader.Read(text, "export.json");
        var fromBytes = SnapshotReader.Read(Encoding.UTF8.GetBytes(text), "export.json");

        Assert.Equal(fromText.Format, fromBytes.Format);
        Assert.Equal(fromText.Snapshot.Resources.Select(r => r.Urn), fromBytes.Snapshot.Resources.Select(r => r.Urn));
        Assert.Equal(
            PolicyEngine.Evaluate(fromText.Snapshot, CompliantPlatform.Now).Violations,
            PolicyEngine.Evaluate(fromBytes.Snapshot, CompliantPlatform.Now).Violations);
    }

    [Fact]
    public void A_large_list_of_states_built_in_halves_keeps_the_export_s_order()
    {
        var (snapshot, _) = SnapshotReader.Read(Export(), "export.json");

        var expected = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            expected.Add($"urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::api-{i}");
            expected.Add($"urn:pulumi:prod::kora-infra::kubernetes:core/v1:ConfigMap::config-{i}");
            if (i % 2 == 0)
            {
                expected.Add($"urn:pulumi:prod::kora-infra::azure-native:keyvault:Vault::vault-{i}");
            }
        }

        Assert.Equal(expected, snapshot.Resources.Select(r => r.Urn));
    }

    [Theory]
    [InlineData("api-3", "api-590", 8)]
    [InlineData("api-590", "api-591", 1475)]
    public void A_broken_state_of_a_large_list_is_named_by_its_index_and_the_first_one_counts(string first, string second, int index)
    {
        // The list (1,500 states) is built in two halves side by side; a state without a URN in
        // each, or only in the second, is reported as reading it in one go would report it.
        var text = Export()
            .Replace($"\"urn\": \"urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::{first}\"", "\"name\": \"x\"", StringComparison.Ordinal)
            .Replace($"\"urn\": \"urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::{second}\"", "\"name\": \"y\"", StringComparison.Ordinal);

        var refused = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(text, "export.json"));

        Assert.Equal($"export.json: deployment.resources[{index}] has no 'type' and 'urn'; expected a Pulumi resource state", refused.Message);
    }

    [Fact]
    public void A_large_export_that_crosses_a_limit_is_refused_for_the_limit_even_when_it_is_also_not_JSON()
    {
        // A key twice in the first resource, and the document broken at its end: read one step
        // after the other the limits' pass refuses first, and so it must side by side.
        var text = Export(workloads: 2_500).Replace("\"version\": 3,", "\"version\": 3, \"version\": 4,", StringComparison.Ordinal)[..^2];

        var refused = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(Encoding.UTF8.GetBytes(text), "export.json"));

        Assert.Equal("export.json:1: the key 'version' twice in one object; expected each key once in an object", refused.Message);
    }

    [Fact]
    public void A_large_export_within_the_limits_but_broken_is_named_as_not_JSON_with_its_line()
    {
        var text = Export(workloads: 2_500, tail: "\n  , ]");

        var refused = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(Encoding.UTF8.GetBytes(text), "export.json"));

        Assert.StartsWith("export.json:2: not valid JSON (", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n")]
    [InlineData("\u3000\u00a0 ")]
    public void Bytes_of_nothing_but_whitespace_are_an_empty_file(string content)
    {
        var refused = Assert.Throws<PolicyInputException>(() => SnapshotReader.Read(Encoding.UTF8.GetBytes(content), "export.json"));

        Assert.Equal("export.json: the file is empty; expected a 'pulumi stack export', 'pulumi preview --json' or engine-events file", refused.Message);
    }

    [Fact]
    public void Engine_events_read_from_bytes_as_from_text()
    {
        var lines = """
            {"sequence":0,"timestamp":1,"preludeEvent":{"config":{}}}
            {"sequence":1,"timestamp":2,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:prod::kora-infra::azure-native:keyvault:Vault::vault","type":"azure-native:keyvault:Vault","new":{"type":"azure-native:keyvault:Vault","urn":"urn:pulumi:prod::kora-infra::azure-native:keyvault:Vault::vault","inputs":{"properties":{"enablePurgeProtection":false}}}}}}
            """;

        var fromText = SnapshotReader.Read(lines, "events.jsonl");
        var fromBytes = SnapshotReader.Read(Encoding.UTF8.GetBytes(lines), "events.jsonl");

        Assert.Equal(SnapshotFormat.EngineEvents, fromBytes.Format);
        Assert.Equal(fromText.Snapshot.Resources.Select(r => r.Urn), fromBytes.Snapshot.Resources.Select(r => r.Urn));
    }

    private sealed class FindsOnceThenThrows : PolicyRule
    {
        public override string Id => "KORA-998";

        public override string Title => "finds once, then throws";

        public override string Rationale => "test";

        public override PolicySeverity Severity => PolicySeverity.Low;

        public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

        public override IEnumerable<Finding> Evaluate(PolicyContext context)
        {
            yield return new Finding(null, "found before the failure");
            throw new InvalidOperationException("broken after one");
        }
    }
}
