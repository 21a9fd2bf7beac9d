using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The edges of the approval clock (now, the window, the staging baseline), the tag shapes each
/// gate expects, and the messages the RC conditions give for each way they fail.
/// </summary>
public sealed class GateEdgeTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void An_approval_stamped_exactly_now_counts_and_one_tick_later_does_not()
    {
        Assert.Null(StagingApproval(Now));

        Assert.Equal("a valid approval by role 'devops-on-call': 'dana' approved at 2026-03-02T14:00:00Z, in the future (now 2026-03-02T14:00:00Z)", StagingApproval(Now + Tick));
    }

    [Fact]
    public void An_approval_exactly_the_window_old_counts_and_one_tick_older_does_not()
    {
        Assert.Null(StagingApproval(Now - ApprovalWindow));

        Assert.Equal("a valid approval by role 'devops-on-call': 'dana' approved at 2026-02-27T13:59:59Z, older than the 72 h approval window", StagingApproval(Now - ApprovalWindow - Tick));
    }

    [Fact]
    public void An_rc_approval_exactly_when_the_artifact_reached_staging_counts_and_one_tick_earlier_does_not()
    {
        // The artifact ran in staging three days ago; judge an hour earlier so the 72 h window is not the edge.
        var staged = Now.AddDays(-3);
        var context = Context(now: Now.AddHours(-1));

        Assert.Null(RcApproval(staged, context));

        Assert.Equal("a valid approval by role 'qa': 'quinn' approved at 2026-02-27T13:59:59Z, before the artifact ran in staging (audit entry 1) at 2026-02-27T14:00:00Z", RcApproval(staged - Tick, context));
    }

    [Fact]
    public void An_approval_that_names_nobody_or_the_promoter_is_refused_naming_why()
    {
        Assert.Equal("a valid approval by role 'devops-on-call': an approval that names nobody", StagingApproval(Now, who: "  "));
        Assert.Equal("a valid approval by role 'devops-on-call': 'Release-Bot' is the promoter, who cannot approve their own promotion", StagingApproval(Now, who: " Release-Bot "));
    }

    [Fact]
    public void A_valid_approval_beside_a_refused_one_of_the_same_role_counts()
    {
        var evidence = Staging() with { Approvals = [new Approval(ApprovalRole.DevopsOnCall, "dana", Now + TimeSpan.FromHours(1)), Approve(ApprovalRole.DevopsOnCall, "dana")] };

        Assert.True(StagingDeployGate.Evaluate(evidence, StagingContext()).Passed);
    }

    [Fact]
    public void An_rc_gate_refuses_a_ga_version_and_the_prod_gate_an_rc_version_naming_the_shape_each_expects()
    {
        var rc = RcPromotionGate.Evaluate(Rc("v1.4.0"), Context()).Conditions.Single(c => c.Id == "rc-tag");
        Assert.Equal("version 'v1.4.0' is not an RC tag 'vX.Y.Z-rc.N'", rc.Missing);

        using var key = NewKey();
        var approvedRc = ApprovedRc(key);
        var prod = ProdDeployGate.Evaluate(Prod("v1.4.0-rc.3"), approvedRc, ProdContext(approvedRc)).Conditions.Single(c => c.Id == "ga-tag");
        Assert.Equal("version 'v1.4.0-rc.3' is not a GA tag 'vX.Y.Z'", prod.Missing);
    }

    [Fact]
    public void A_gate_run_for_no_release_names_the_ref_and_the_shape_it_expects()
    {
        var rc = RcPromotionGate.Evaluate(Rc() with { Version = null, Ref = "refs/heads/main" }, Context()).Conditions.Single(c => c.Id == "rc-tag");
        Assert.Equal("a version: the pipeline runs for 'refs/heads/main', which names no release; expected an RC tag 'vX.Y.Z-rc.N'", rc.Missing);

        var wrongRef = RcPromotionGate.Evaluate(Rc() with { Ref = "refs/heads/release" }, Context()).Conditions.Single(c => c.Id == "rc-tag");
        Assert.Equal("the pipeline runs for 'refs/heads/release'; expected the tag 'refs/tags/v1.4.0-rc.2' (never a branch)", wrongRef.Missing);
    }

    [Fact]
    public void Each_rc_quality_condition_names_its_own_failure()
    {
        var evidence = Rc() with
        {
            Scorecard = new Scorecard(false, Link("scorecard")),
            RtmP0 = new RtmP0Status(false, Link("rtm-p0")),
            OpenCriticalFindings = ["SEC-12", "SEC-13"],
        };

        var failures = RcPromotionGate.Evaluate(evidence, Context()).Failures.Select(c => (c.Id, c.Missing)).ToList();

        Assert.Equal(
            [
                ("rc-scorecard", "the RC scorecard did not pass (https://ci.koraos.dev/evidence/scorecard)"),
                ("rtm-p0-complete", "RTM P0 is incomplete (https://ci.koraos.dev/evidence/rtm-p0)"),
                ("no-open-critical-finding", "closure of the open critical finding(s) SEC-12, SEC-13"),
            ],
            failures);
    }

    [Fact]
    public void An_rc_without_a_scorecard_or_rtm_asks_for_each_with_its_link()
    {
        var failures = RcPromotionGate.Evaluate(Rc() with { Scorecard = null, RtmP0 = null }, Context()).Failures.Select(c => (c.Id, c.Missing)).ToList();

        Assert.Equal([("rc-scorecard", "the RC scorecard result and its link"), ("rtm-p0-complete", "the RTM P0 status and its link")], failures);
    }

    [Fact]
    public void An_artifact_without_images_is_refused_naming_the_digest_form()
    {
        var failure = StagingDeployGate.Evaluate(Staging() with { Images = [] }, StagingContext()).Conditions.Single(c => c.Id == "artifact-by-commit");

        Assert.Equal("the images built from the commit, by digest 'name@sha256:<hex>'", failure.Missing);
    }

    [Fact]
    public void A_staging_deploy_from_a_branch_names_the_branch_and_main()
    {
        var failure = StagingDeployGate.Evaluate(Staging() with { Ref = "refs/heads/feature" }, StagingContext()).Failures.Single();

        Assert.Equal(("merged-to-main", "a merge to main: the pipeline runs for 'refs/heads/feature'; expected 'refs/heads/main'"), (failure.Id, failure.Missing));
    }

    private static string? StagingApproval(DateTimeOffset at, string who = "dana")
    {
        var evidence = Staging() with { Approvals = [new Approval(ApprovalRole.DevopsOnCall, who, at)] };
        return StagingDeployGate.Evaluate(evidence, StagingContext()).Conditions.Single(c => c.Id == "approval.devops-on-call").Missing;
    }

    private static string? RcApproval(DateTimeOffset at, GateContext context)
    {
        var evidence = Rc() with { Approvals = [new Approval(ApprovalRole.Qa, "quinn", at), .. Rc().Approvals.Where(a => a.Role != ApprovalRole.Qa)] };
        return RcPromotionGate.Evaluate(evidence, context).Conditions.Single(c => c.Id == "approval.qa").Missing;
    }
}
