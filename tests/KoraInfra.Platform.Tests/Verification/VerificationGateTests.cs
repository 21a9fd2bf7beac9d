using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Verification;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Verification;

/// <summary>The RC and prod gates count only signed records bound to the release being promoted.</summary>
public sealed class VerificationGateTests
{
    private static readonly VerificationKind[] RcKinds = [VerificationKind.Load, VerificationKind.Soak, VerificationKind.FaultInjection];

    public static TheoryData<string, string> Unbound => new()
    {
        { "another commit", "ran against commit 9999999999999999999999999999999999999999, not " + Commit },
        { "another rc", "ran against RC v1.4.0-rc.1, not v1.4.0-rc.2" },
        { "another image set", "ran against images [" },
        { "another stack", "ran in stack 'dev', not 'staging'" },
        { "older than the rc", "older than the RC: its artifact reached staging at 2026-02-27T14:00:00.0000000+00:00" },
    };

    [Theory]
    [InlineData("load-approved", VerificationKind.Load)]
    [InlineData("soak-approved", VerificationKind.Soak)]
    [InlineData("fault-injection-approved", VerificationKind.FaultInjection)]
    public void The_rc_gate_fails_naming_the_one_check_whose_record_is_missing(string condition, VerificationKind missing)
    {
        var records = Offered([.. RcKinds.Where(k => k != missing).SelectMany(k => k == VerificationKind.FaultInjection ? FaultRecords() : [Record(k)])]);

        var report = RcPromotionGate.Evaluate(Rc(), Context(records: records));

        Assert.Equal([condition], report.Failures.Select(f => f.Id));
        Assert.Contains($"a signed '{VerificationNames.Of(missing)}' evidence record bound to this release", report.Failures[0].Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_injection_is_met_when_every_experiment_staging_runs_has_passed()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered([Record(VerificationKind.Load), Record(VerificationKind.Soak), .. FaultRecords()])));

        var condition = Assert.Single(report.Conditions, c => c.Id == "fault-injection-approved");
        Assert.True(condition.Met, condition.Missing);
        Assert.Null(condition.Missing);
    }

    [Fact]
    public void An_experiment_without_a_record_is_named_even_when_another_passed()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak), Fault("n8n-worker-pod-kill"))));

        var failure = Assert.Single(report.Failures);
        Assert.Equal("fault-injection-approved", failure.Id);
        Assert.Contains("experiment 'redis-partition': a signed 'fault-injection' evidence record bound to this release", failure.Missing, StringComparison.Ordinal);
        Assert.DoesNotContain("n8n-worker-pod-kill", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_experiment_beside_a_passed_one_is_named_with_its_reasons()
    {
        var failed = Fault("redis-partition") with { Passed = false, Reasons = ["redis-partition: the steady state did not return within 10 min of the fault's end"], Measurements = [] };

        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak), Fault("n8n-worker-pod-kill"), failed)));

        var failure = Assert.Single(report.Failures);
        Assert.Equal("fault-injection-approved", failure.Id);
        Assert.Contains("experiment 'redis-partition': the newest 'fault-injection' record 'fault-injection-3.dsse.json' failed: redis-partition: the steady state did not return", failure.Missing, StringComparison.Ordinal);
        Assert.DoesNotContain("experiment 'n8n-worker-pod-kill'", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_pass_of_an_experiment_supersedes_its_older_failure()
    {
        var older = Fault("redis-partition", Now.AddDays(-2).AddHours(-12)) with { Passed = false, Reasons = ["redis-partition: not steady before the fault"], Measurements = [] };
        var newer = Fault("redis-partition", Now.AddDays(-2).AddHours(-6));

        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak), Fault("n8n-worker-pod-kill"), newer, older)));

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Failures));
    }

    [Fact]
    public void A_passing_record_of_an_experiment_staging_does_not_run_stands_in_for_none()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak), Fault("n8n-worker-pod-kill"), Fault("postgres-failover"))));

        var failure = Assert.Single(report.Failures);
        Assert.Contains("experiment 'redis-partition'", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_experiments_staging_can_run_fault_injection_is_not_approved()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context() with { FaultExperiments = null });

        var failure = Assert.Single(report.Failures);
        Assert.Equal("fault-injection-approved", failure.Id);
        Assert.Contains("experiments staging can run were not decided", failure.Missing, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Unbound))]
    public void A_record_for_another_release_does_not_count_and_is_named(string flaw, string expected)
    {
        var soak = Record(VerificationKind.Soak);
        soak = flaw switch
        {
            "another commit" => soak with { Commit = new string('9', 40) },
            "another rc" => soak with { ReleaseCandidate = Platform.Release.Manifest.ReleaseVersion.TryParse("v1.4.0-rc.1")! },
            "another image set" => soak with { Images = [Api, Image("ghcr.io/koraos/worker", '7')] },
            "another stack" => soak with { Stack = "dev" },
            _ => soak with { StartedAt = Now.AddDays(-4), FinishedAt = Now.AddDays(-4).AddHours(1) },
        };

        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered([Record(VerificationKind.Load), soak, .. FaultRecords()])));

        var failure = Assert.Single(report.Failures);
        Assert.Equal("soak-approved", failure.Id);
        Assert.Contains("'soak-1.dsse.json' is for another release", failure.Missing, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_record_is_refused_under_the_condition_it_claimed()
    {
        var tampered = new EvidenceVerification("fault-injection.dsse.json", null, "no signature verifies with the trusted release key", VerificationKind.FaultInjection);
        var genuine = Offered(Record(VerificationKind.Load), Record(VerificationKind.Soak));
        var records = genuine with { Records = [.. genuine.Records, tampered] };

        var report = RcPromotionGate.Evaluate(Rc(), Context(records: records));

        var failure = Assert.Single(report.Failures);
        Assert.Equal("fault-injection-approved", failure.Id);
        Assert.Contains("'fault-injection.dsse.json' was refused: no signature verifies", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void The_newest_bound_record_decides_so_a_later_failure_blocks_an_earlier_pass()
    {
        var passed = Record(VerificationKind.Load);
        var failed = Record(VerificationKind.Load, startedAt: Now.AddHours(-2)) with { Passed = false, Reasons = ["http_req_failed_rate 0.04 > 0.01"], Measurements = [] };

        var report = RcPromotionGate.Evaluate(Rc(), Context(records: Offered([passed, failed, Record(VerificationKind.Soak), .. FaultRecords()])));

        var failure = Assert.Single(report.Failures);
        Assert.Equal("load-approved", failure.Id);
        Assert.Contains("the newest 'load' record 'load-1.dsse.json' failed: http_req_failed_rate 0.04 > 0.01", failure.Missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no drill", "a signed 'restore-drill' evidence record")]
    [InlineData("drill failed", "failed: RPO 1200 s exceeds the target 900 s")]
    [InlineData("rto target beyond the p0 sla", "is beyond the P0 recovery SLA of 3600 s")]
    [InlineData("rto not measured", "no measured 'rto' in seconds with its target")]
    public void The_prod_gate_fails_on_the_restore_drill_naming_it(string flaw, string expected)
    {
        using var key = NewKey();
        var approvedRc = ApprovedRc(key);
        var drill = Record(VerificationKind.RestoreDrill);
        VerificationRecords records = flaw switch
        {
            "no drill" => Offered(),
            "drill failed" => Offered(drill with { Passed = false, Reasons = ["RPO 1200 s exceeds the target 900 s"], Measurements = [new("rto", 400, "s", 3600), new("rpo", 1200, "s", 900)] }),
            "rto target beyond the p0 sla" => Offered(drill with { Measurements = [new("rto", 400, "s", 5400), new("rpo", 30, "s", 900)] }),
            _ => Offered(drill with { Measurements = [new("rpo", 30, "s", 900)] }),
        };

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc) with { Records = records });

        var failure = Assert.Single(report.Failures);
        Assert.Equal("restore-drill-within-rpo-rto", failure.Id);
        Assert.Contains(expected, failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void The_prod_gate_passes_with_a_genuine_drill_of_the_rc_it_promotes()
    {
        using var key = NewKey();
        var approvedRc = ApprovedRc(key);

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc) with { Records = Offered(Record(VerificationKind.RestoreDrill)) });

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Failures));
    }

    private static EvidenceRecord Fault(string experiment, DateTimeOffset? startedAt = null) =>
        Record(VerificationKind.FaultInjection, startedAt: startedAt, experiment: experiment);
}
