using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Policy;

public sealed class PolicyDocsTests
{
    [Fact]
    public void Every_rule_is_documented_with_its_levels_and_checkov_equivalents()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "policy.md"));

        Assert.All(PolicyRules.All, rule =>
        {
            var levels = string.Join(", ", EnvironmentProfiles.All.Select(p => $"{p.StackName} {rule.LevelFor(p).ToCrossGuard()}"));
            var start = doc.IndexOf($"### {rule.Id}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/policy.md has no section for {rule.Id}");
            var end = doc.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
            var section = end < 0 ? doc[start..] : doc[start..end];
            Assert.Contains($"**{rule.Title}.** {rule.Rationale}", section, StringComparison.Ordinal);
            Assert.Contains($"- severity: {rule.Severity.ToString().ToLowerInvariant()}", section, StringComparison.Ordinal);
            Assert.Contains($"- level: {levels}", section, StringComparison.Ordinal);
            Assert.Contains($"- Checkov equivalent: {(rule.CheckovIds.Count == 0 ? "none" : string.Join(", ", rule.CheckovIds))}", section, StringComparison.Ordinal);
        });
    }
}
