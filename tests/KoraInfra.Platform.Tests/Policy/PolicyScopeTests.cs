using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// A rule the CrossGuard pack asks per resource must find, on a whole stack, exactly what it finds
/// on each resource alone; otherwise the engine would miss or invent violations.
/// </summary>
public sealed class PolicyScopeTests
{
    public static TheoryData<string, string> BrokenStacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in PolicyRuleTests.Breaks)
        {
            data.Add((string)row[1], (string)row[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenStacks))]
    public void A_per_resource_rule_finds_on_the_stack_what_it_finds_on_each_resource_alone(string stack, string broken)
    {
        var platform = new CompliantPlatform(stack);
        var row = PolicyRuleTests.Breaks.Single(r => (string)r[1] == stack && (string)r[2] == broken);
        ((Action<CompliantPlatform>)row[3])(platform);
        var snapshot = platform.Snapshot();

        var whole = PolicyEngine.Evaluate(snapshot, CompliantPlatform.Now, PolicyEngine.RulesOf(PolicyScope.Resource));
        var alone = snapshot.Resources.SelectMany(r => PolicyEngine.EvaluateResource(stack, r, CompliantPlatform.Now).Violations);

        Assert.Equal(Keys(whole.Violations), Keys(alone));
    }

    [Fact]
    public void Every_break_of_a_per_resource_rule_is_found_on_the_resource_alone()
    {
        var perResource = PolicyEngine.RulesOf(PolicyScope.Resource).Select(r => r.Id).ToHashSet();
        var rows = PolicyRuleTests.Breaks.Where(r => perResource.Contains((string)r[0])).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var platform = new CompliantPlatform((string)row[1]);
            ((Action<CompliantPlatform>)row[3])(platform);
            var found = platform.Snapshot().Resources.SelectMany(r => PolicyEngine.EvaluateResource((string)row[1], r, CompliantPlatform.Now).Violations);
            Assert.True(found.Any(v => v.RuleId == (string)row[0] && v.ResourceUrn is not null), $"{row[0]} ({row[2]}): not found per resource");
        }
    }

    [Fact]
    public void The_rules_that_need_other_resources_are_stack_rules()
    {
        // A manifest that must exist, TLS set on separate configuration resources, a Job that must
        // exist, the alert set, endpoints and zone groups, NSGs, overlapping ranges.
        string[] needTheStack = ["KORA-001", "KORA-020", "KORA-024", "KORA-060", "KORA-071", "KORA-073", "KORA-075"];

        Assert.Equal(needTheStack, PolicyEngine.RulesOf(PolicyScope.Stack).Select(r => r.Id).ToArray());
        Assert.Equal(PolicyRules.All.Count, PolicyEngine.RulesOf(PolicyScope.Resource).Count + needTheStack.Length);
    }

    [Fact]
    public void Evaluating_one_resource_runs_only_the_per_resource_rules()
    {
        var platform = new CompliantPlatform("prod").Remove("kora:release:ReleaseManifest");
        var redis = platform.Snapshot().Resources.Single(r => r.Name == "redis");

        var evaluation = PolicyEngine.EvaluateResource("prod", redis, CompliantPlatform.Now);

        // Alone, the cache is not "a stack without a release manifest": KORA-001 is not asked.
        Assert.Empty(evaluation.Violations);
        Assert.DoesNotContain(evaluation.Rules, r => r.Rule.Id == "KORA-001");
    }

    private static List<string> Keys(IEnumerable<PolicyViolation> violations) =>
        violations.Select(v => $"{v.RuleId} {v.ResourceUrn} {v.Message}").Order(StringComparer.Ordinal).ToList();
}
