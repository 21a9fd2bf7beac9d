using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// Each SARIF result's fingerprint is the lower-case hex SHA-256 of rule id, URN and message:
/// code scanning matches a result across runs by it, so a changed digit opens a new alert.
/// </summary>
public sealed class SarifFingerprintTests
{
    [Fact]
    public void Every_result_carries_the_hex_sha256_of_its_rule_urn_and_message()
    {
        var rule = PolicyRules.Find("KORA-002")!;
        PolicyViolation[] violations =
        [
            new("KORA-002", rule.Title, rule.Severity, EnforcementLevel.Mandatory, "urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis", "missing tag(s) owner"),
            new("KORA-002", rule.Title, rule.Severity, EnforcementLevel.Mandatory, null, "caf\u00e9 \u2713 | \"quoted\""),
        ];
        var evaluation = new PolicyEvaluation("dev", 2, [new(rule, EnforcementLevel.Mandatory)], violations, [], []);

        var results = JsonNode.Parse(PolicyReports.Render(evaluation, ReportFormat.Sarif, "Pulumi.dev.yaml"))!["runs"]![0]!["results"]!.AsArray();

        var expected = ViolationOrder.MostBlockingFirst(violations)
            .Select(v => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{v.RuleId}|{v.ResourceUrn}|{v.Message}"))));
        Assert.Equal(expected, results.Select(r => r!["partialFingerprints"]!["koraViolation/v1"]!.GetValue<string>()));
    }
}
