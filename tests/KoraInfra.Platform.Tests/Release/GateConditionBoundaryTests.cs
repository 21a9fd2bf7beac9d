using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// Each gate condition on its own edge: met with nothing reported missing, and refused for the
/// near misses a looser check would let through (a commit that only looks like a SHA, an RC image
/// left out of prod, the right gate's manifest for the wrong RC, a failed link hidden beside a
/// passed one).
/// </summary>
public sealed class GateConditionBoundaryTests
{
    [Fact]
    public void Every_staging_condition_met_reports_nothing_missing() =>
        AssertAllMet(StagingDeployGate.Evaluate(Staging(), StagingContext()));

    [Fact]
    public void Every_rc_condition_met_reports_nothing_missing() =>
        AssertAllMet(RcPromotionGate.Evaluate(Rc(), Context()));

    [Fact]
    public void Every_prod_condition_met_reports_nothing_missing()
    {
        using var key = NewKey();
        var approvedRc = ApprovedRc(key);

        AssertAllMet(ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc)));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")] // 40 upper-case hex
    [InlineData("0123456789abcdefg123456789abcdef01234567")] // 40 characters, not hex
    [InlineData("0123456789abcdef0123456789abcdef0123456")] // 39 hex
    [InlineData("0123456789abcdef0123456789abcdef012345678")] // 41 hex
    [InlineData("0123456")] // a short SHA
    [InlineData("")] // empty
    public void A_commit_that_is_not_40_lower_case_hex_is_refused_naming_it(string commit)
    {
        var failure = Single(StagingDeployGate.Evaluate(Staging() with { Commit = commit }, StagingContext()), "artifact-by-commit");

        Assert.Contains($"found '{commit}'; expected 40 lowercase hex", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_40_lower_case_hex_commit_other_than_the_fixtures_is_accepted()
    {
        var report = StagingDeployGate.Evaluate(Staging() with { Commit = "fedcba98765432100123456789abcdef00ff11ee" }, StagingContext());

        AssertAllMet(report);
    }

    [Fact]
    public void An_rc_image_missing_from_the_prod_deploy_is_refused_naming_the_image()
    {
        using var key = NewKey();
        var approvedRc = ApprovedRc(key);

        var report = ProdDeployGate.Evaluate(Prod() with { Images = [Api] }, approvedRc, ProdContext(approvedRc));

        var failure = report.Conditions.Single(c => c.Id == "validated-artifact");
        Assert.False(failure.Met);
        Assert.Equal($"image '{Worker.Name}' of the RC is not deployed", failure.Missing);
        // The restore drill's record ran against the RC's images, not this image set: it does not count either.
        var drill = report.Conditions.Single(c => c.Id == "restore-drill-within-rpo-rto");
        Assert.False(drill.Met);
        Assert.Contains("is for another release", drill.Missing, StringComparison.Ordinal);
        Assert.Equal(["validated-artifact", "restore-drill-within-rpo-rto"], report.Failures.Select(c => c.Id));
    }

    [Fact]
    public void A_manifest_from_the_rc_gate_for_another_rc_is_refused()
    {
        using var key = NewKey();
        var otherRc = RcManifest() with { Version = ReleaseVersion.TryParse("v1.4.0-rc.1") };
        var approvedRc = ApprovedRc(key, otherRc);

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc));

        var failure = report.Conditions.Single(c => c.Id == "from-approved-rc");
        Assert.False(failure.Met);
        Assert.StartsWith("the manifest of RC v1.4.0-rc.2 admitted by 'promote-rc'; found ", failure.Missing, StringComparison.Ordinal);
        Assert.Contains("v1.4.0-rc.1", failure.Missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scorecard failed", "a passing RC scorecard")]
    [InlineData("no scorecard", "a passing RC scorecard")]
    [InlineData("rtm incomplete", "a complete RTM P0")]
    [InlineData("no rtm", "a complete RTM P0")]
    public void A_ga_from_an_rc_manifest_without_its_rc_conditions_is_refused(string gap, string lack)
    {
        using var key = NewKey();
        var rc = RcManifest();
        var unapproved = gap switch
        {
            "scorecard failed" => rc with { Scorecard = rc.Scorecard! with { Passed = false } },
            "no scorecard" => rc with { Scorecard = null },
            "rtm incomplete" => rc with { RtmP0 = rc.RtmP0! with { Complete = false } },
            "no rtm" => rc with { RtmP0 = null },
            _ => throw new ArgumentOutOfRangeException(nameof(gap), gap, "no such gap"),
        };
        var approvedRc = ApprovedRc(key, unapproved);

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc));

        var failure = report.Conditions.Single(c => c.Id == "from-approved-rc");
        Assert.False(failure.Met);
        Assert.Equal($"RC v1.4.0-rc.2 is not approved: it lacks {lack}", failure.Missing);
    }

    [Theory]
    [InlineData(EvidenceKind.Lint, "required-check.lint", true)]
    [InlineData(EvidenceKind.Lint, "required-check.lint", false)]
    [InlineData(EvidenceKind.SmokeRuntime, "required-check.smoke-runtime", true)]
    [InlineData(EvidenceKind.SecurityChecks, "required-check.security-checks", false)]
    public void One_failed_staging_link_beside_a_passed_one_of_the_same_kind_fails(EvidenceKind kind, string condition, bool failedFirst)
    {
        var evidence = WithFailedBeside(Staging(), kind, failedFirst);

        var failure = Single(StagingDeployGate.Evaluate(evidence, StagingContext()), condition);

        Assert.Contains("is recorded as failed (https://ci.koraos.dev/evidence/failed-run)", failure.Missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceKind.StagingStable, "staging-stable", true)]
    [InlineData(EvidenceKind.MigrationAndRollback, "migration-and-rollback", false)]
    [InlineData(EvidenceKind.Runbook, "runbook-evidence-linked", true)]
    public void One_failed_rc_link_beside_a_passed_one_of_the_same_kind_fails(EvidenceKind kind, string condition, bool failedFirst)
    {
        var evidence = WithFailedBeside(Rc(), kind, failedFirst);

        var failure = Single(RcPromotionGate.Evaluate(evidence, Context()), condition);

        Assert.Contains("is recorded as failed (https://ci.koraos.dev/evidence/failed-run)", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_passed_links_of_the_same_kind_are_met()
    {
        var evidence = Staging() with { Evidence = [.. Staging().Evidence, new EvidenceLink(EvidenceKind.Lint, true, Link("lint-rerun"))] };

        AssertAllMet(StagingDeployGate.Evaluate(evidence, StagingContext()));
    }

    private static PromotionEvidence WithFailedBeside(PromotionEvidence evidence, EvidenceKind kind, bool failedFirst)
    {
        var failed = new EvidenceLink(kind, false, Link("failed-run"));
        var links = evidence.Evidence.ToList();
        var passed = links.FindIndex(l => l.Kind == kind);
        Assert.True(passed >= 0, $"the fixture has a passed {kind} link");
        links.Insert(failedFirst ? passed : passed + 1, failed);
        return evidence with { Evidence = links };
    }

    private static void AssertAllMet(GateReport report)
    {
        Assert.NotEmpty(report.Conditions);
        Assert.All(report.Conditions, c =>
        {
            Assert.True(c.Met, c.ToString());
            Assert.Null(c.Missing);
            Assert.StartsWith("PASS  ", c.ToString(), StringComparison.Ordinal);
        });
        Assert.True(report.Passed);
        Assert.Empty(report.Failures);
    }

    private static GateCondition Single(GateReport report, string condition)
    {
        Assert.False(report.Passed);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(condition, failure.Id);
        Assert.False(string.IsNullOrWhiteSpace(failure.Missing));
        return failure;
    }
}
