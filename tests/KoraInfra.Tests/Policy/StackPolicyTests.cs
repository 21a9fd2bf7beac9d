using KoraInfra.Platform.Policy;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Policy;

public sealed class StackPolicyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Each_stack_as_the_program_declares_it_violates_no_mandatory_rule(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var evaluation = PolicyEngine.Evaluate(run.Snapshot(), Now);

        Assert.Empty(evaluation.Errors);
        Assert.False(evaluation.IsBlocked, string.Join(Environment.NewLine, evaluation.Violations.Where(v => v.Level == EnforcementLevel.Mandatory).Select(v => $"{v.RuleId} {v.ResourceUrn}: {v.Message}")));
    }

    [Fact]
    public async Task Prod_without_its_release_manifest_is_a_mandatory_violation()
    {
        var run = await StackRun.RunAsync("prod");
        var snapshot = run.Snapshot();
        var withoutManifest = snapshot with { Resources = snapshot.Resources.Where(r => r.Type != "kora:release:ReleaseManifest").ToList() };

        var evaluation = PolicyEngine.Evaluate(withoutManifest, Now);

        var violation = Assert.Single(evaluation.Violations, v => v.RuleId == "KORA-001");
        Assert.Equal(EnforcementLevel.Mandatory, violation.Level);
        Assert.True(evaluation.IsBlocked);
    }

    [Fact]
    public async Task Prod_without_a_valid_release_declares_nothing_at_all()
    {
        var (error, run, recorded) = await StackRun.TryRunAsync("prod", TestRelease.None);

        Assert.NotNull(error);
        Assert.Null(run);
        Assert.DoesNotContain(recorded, r => r.Type.StartsWith("azure-native:", StringComparison.Ordinal) || r.Type.StartsWith("kubernetes:", StringComparison.Ordinal));
    }
}
