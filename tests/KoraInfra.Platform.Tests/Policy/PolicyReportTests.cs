using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;

namespace KoraInfra.Platform.Tests.Policy;

public sealed class PolicyReportTests
{
    private static PolicyEvaluation Broken() => new CompliantPlatform("prod")
        .Remove("kora:release:ReleaseManifest")
        .Set("azure-native:redis:Redis", "publicNetworkAccess", "Enabled")
        .Evaluate();

    [Fact]
    public void Sarif_has_every_rule_and_one_result_per_violation_located_at_the_resource()
    {
        var evaluation = Broken();

        var sarif = JsonNode.Parse(PolicyReports.Render(evaluation, ReportFormat.Sarif, "Pulumi.prod.yaml"))!;

        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(PolicyRules.All.Count, rules.Count);
        var results = run["results"]!.AsArray();
        Assert.Equal(evaluation.Violations.Count, results.Count);
        foreach (var result in results)
        {
            var ruleIndex = result!["ruleIndex"]!.GetValue<int>();
            Assert.Equal(result["ruleId"]!.GetValue<string>(), rules[ruleIndex]!["id"]!.GetValue<string>());
            Assert.Equal("error", result["level"]!.GetValue<string>());
            Assert.Equal("Pulumi.prod.yaml", result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        }

        Assert.Contains(results, r => r!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>().EndsWith("azure-native:redis:Redis::redis", StringComparison.Ordinal));
        Assert.Contains(rules, r => r!["properties"]!["checkov"]!.AsArray().Any(c => c!.GetValue<string>() == "CKV_AZURE_89"));
    }

    [Fact]
    public void Json_is_the_verdict_a_tool_reads()
    {
        var json = JsonNode.Parse(PolicyReports.Render(Broken(), ReportFormat.Json, "Pulumi.prod.yaml"))!;

        Assert.True(json["blocked"]!.GetValue<bool>());
        Assert.Equal(["KORA-001", "KORA-031"], json["violations"]!.AsArray().Select(v => v!["ruleId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_and_markdown_state_the_verdict_and_each_finding()
    {
        var text = PolicyReports.Render(Broken(), ReportFormat.Text, "Pulumi.prod.yaml");
        var markdown = PolicyReports.Render(Broken(), ReportFormat.Markdown, "Pulumi.prod.yaml");

        Assert.Contains("2 mandatory, 0 advisory violation(s), 0 rule error(s): BLOCKED", text, StringComparison.Ordinal);
        Assert.Contains("MANDATORY KORA-031 [high]", text, StringComparison.Ordinal);
        Assert.Contains("**Verdict: BLOCKED**", markdown, StringComparison.Ordinal);
        Assert.Contains("| mandatory | [KORA-001](docs/policy.md#kora-001) | critical | `(stack)` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_stack_says_so()
    {
        var text = PolicyReports.Render(new CompliantPlatform("staging").Evaluate(), ReportFormat.Text, "Pulumi.staging.yaml");

        Assert.EndsWith("0 mandatory, 0 advisory violation(s), 0 rule error(s): passes" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
