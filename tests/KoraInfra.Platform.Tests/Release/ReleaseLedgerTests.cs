using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The history the gates read, one rule at a time: each filter of each query (stack, action,
/// result, gate, release) on its own, so a history that mixes them up is noticed.
/// </summary>
public sealed class ReleaseLedgerTests
{
    private static DeployAuditEntry Promote(long sequence, string stack, string release, DeployResult result = DeployResult.Admitted, PromotionGate? gate = null) =>
        Promoted(sequence, gate ?? (stack == "prod" ? PromotionGate.DeployProd : PromotionGate.PromoteRc), release, [Api, Worker], Now.AddHours(sequence - 100), result: result) with { Stack = stack };

    private static DeployAuditEntry Rollback(long sequence, string stack, string of, DeployResult result = DeployResult.Admitted) =>
        Promote(sequence, stack, of + "-previous", result) with { Action = DeployAction.Rollback, Gate = null, RollbackOf = of };

    private static DeployAuditEntry Other(long sequence, string stack, string release, DeployAction action) =>
        Promote(sequence, stack, release) with { Action = action, Gate = null };

    [Fact]
    public void A_ledger_is_read_only_from_a_log_that_verifies_and_the_refusal_names_each_problem()
    {
        var tampered = new AuditVerification([Promote(1, "prod", "v1.4.0")], ["line 1: edited", "line 2: deleted"], new AuditHead(1, new string('e', 64)));

        var ex = Assert.Throws<ReleaseDocumentException>(() => ReleaseLedger.From(tampered));

        Assert.Equal("a release history is read only from a deploy audit log that verifies: line 1: edited; line 2: deleted", ex.Message);
        var intact = ReleaseLedger.From(tampered with { Problems = [] });
        Assert.Equal([1L], intact.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public void Of_keeps_every_entry_in_log_order_and_empty_has_none()
    {
        var ledger = ReleaseLedger.Of([Promote(2, "prod", "v1.4.0"), Promote(1, "staging", "v1.4.0-rc.1")]);

        Assert.Equal([2L, 1L], ledger.Entries.Select(e => e.Sequence));
        Assert.Empty(ReleaseLedger.Empty.Entries);
        Assert.Empty(ReleaseLedger.Empty.Deployed("prod"));
    }

    [Fact]
    public void Deployed_stacks_admitted_promotions_and_a_rollback_takes_the_top_one_off()
    {
        var ledger = History(
            Promote(1, "prod", "v1.2.0"),
            Promote(2, "prod", "v1.3.0"),
            Promote(3, "prod", "v1.4.0"),
            Rollback(4, "prod", "v1.4.0"));

        Assert.Equal(["v1.2.0", "v1.3.0"], ledger.Deployed("prod").Select(e => e.Release));
    }

    [Fact]
    public void Deployed_ignores_refusals_other_stacks_rotations_plan_checks_and_a_refused_rollback()
    {
        var ledger = History(
            Promote(1, "prod", "v1.2.0"),
            Promote(2, "prod", "v1.3.0", DeployResult.Refused),
            Promote(3, "staging", "v1.3.0-rc.1"),
            Other(4, "prod", "v1.2.0", DeployAction.Rotate),
            Other(5, "prod", "v1.2.0", DeployAction.PlanCheck),
            Rollback(6, "prod", "v1.2.0", DeployResult.Refused),
            Rollback(7, "staging", "v1.3.0-rc.1"));

        Assert.Equal([1L], ledger.Deployed("prod").Select(e => e.Sequence));
        Assert.Empty(ledger.Deployed("staging"));
    }

    [Fact]
    public void A_rollback_with_nothing_deployed_leaves_the_stack_empty_and_the_next_promotion_on_top()
    {
        var ledger = History(Rollback(1, "prod", "v1.1.0"), Promote(2, "prod", "v1.2.0"));

        Assert.Equal([2L], ledger.Deployed("prod").Select(e => e.Sequence));
    }

    [Fact]
    public void Staging_deploys_are_the_admitted_promotions_of_main_builds_into_staging_only()
    {
        var ledger = History(
            Promote(1, "staging", "main@a", gate: PromotionGate.DeployStaging),
            Promote(2, "staging", "main@b", DeployResult.Refused, PromotionGate.DeployStaging),
            Promote(3, "staging", "v1.4.0-rc.1", gate: PromotionGate.PromoteRc),
            Promote(4, "prod", "main@c", gate: PromotionGate.DeployStaging),
            Rollback(5, "staging", "main@a") with { Gate = PromotionGate.DeployStaging },
            Promote(6, "staging", "main@d", gate: PromotionGate.DeployStaging));

        Assert.Equal([1L, 6L], ledger.StagingDeploys().Select(e => e.Sequence));
    }

    [Fact]
    public void Attempts_are_every_promotion_of_one_release_on_one_stack_refused_or_admitted()
    {
        var ledger = History(
            Promote(1, "staging", "v1.4.0-rc.1", DeployResult.Refused),
            Promote(2, "staging", "v1.4.0-rc.1"),
            Promote(3, "staging", "v1.4.0-rc.2"),
            Promote(4, "prod", "v1.4.0-rc.1"),
            Rollback(5, "staging", "v1.4.0-rc.1") with { Release = "v1.4.0-rc.1" });

        Assert.Equal([1L, 2L], ledger.Attempts("staging", "v1.4.0-rc.1").Select(e => e.Sequence));
        Assert.Equal(2L, ledger.AdmittedPromotion("staging", "v1.4.0-rc.1")?.Sequence);
        Assert.Null(ledger.AdmittedPromotion("staging", "v1.4.0-rc.3"));
        Assert.Null(History(Promote(1, "staging", "v1.4.0-rc.1", DeployResult.Refused)).AdmittedPromotion("staging", "v1.4.0-rc.1"));
    }

    [Fact]
    public void The_rollback_of_a_release_is_an_admitted_rollback_on_that_stack_naming_it()
    {
        var ledger = History(
            Rollback(1, "staging", "v1.4.0-rc.1", DeployResult.Refused),
            Rollback(2, "prod", "v1.4.0-rc.1"),
            Promote(3, "staging", "v1.4.0-rc.1") with { RollbackOf = "v1.4.0-rc.1" },
            Rollback(4, "staging", "v1.4.0-rc.2"));

        Assert.Null(ledger.RollbackOf("staging", "v1.4.0-rc.1"));
        Assert.Equal(4L, ledger.RollbackOf("staging", "v1.4.0-rc.2")?.Sequence);
        Assert.Equal(2L, ledger.RollbackOf("prod", "v1.4.0-rc.1")?.Sequence);
    }

    [Fact]
    public void Stable_candidates_are_the_rcs_of_the_same_release_the_rc_gate_admitted_into_staging_and_no_rollback_took_off()
    {
        var ledger = History(
            Promote(1, "staging", "v1.4.0-rc.1"),
            Promote(2, "staging", "v1.4.0-rc.2", DeployResult.Refused),
            Promote(3, "staging", "v1.4.0-rc.3"),
            Rollback(4, "staging", "v1.4.0-rc.3"),
            Promote(5, "staging", "v1.5.0-rc.1"),
            Promote(6, "staging", "v1.4.1-rc.1"),
            Promote(7, "staging", "v1.4.0", gate: PromotionGate.PromoteRc),
            Promote(8, "staging", "v1.4.0-rc.4", gate: PromotionGate.DeployStaging),
            Promote(9, "prod", "v1.4.0-rc.5", gate: PromotionGate.PromoteRc),
            Other(10, "staging", "v1.4.0-rc.6", DeployAction.Rotate) with { Gate = PromotionGate.PromoteRc },
            Promote(11, "staging", "v1.4.0-rc.7"),
            Promote(12, "staging", "v2.4.0-rc.1"));

        Assert.Equal(["v1.4.0-rc.1", "v1.4.0-rc.7"], ledger.StableCandidates(ReleaseVersion.TryParse("v1.4.0")!).Select(e => e.Release));
        Assert.Equal(["v1.5.0-rc.1"], ledger.StableCandidates(ReleaseVersion.TryParse("v1.5.0-rc.9")!).Select(e => e.Release));
    }

    [Fact]
    public void A_candidate_rolled_back_in_prod_only_stays_stable_in_staging()
    {
        var ledger = History(Promote(1, "staging", "v1.4.0-rc.1"), Rollback(2, "prod", "v1.4.0-rc.1"));

        Assert.Equal([1L], ledger.StableCandidates(ReleaseVersion.TryParse("v1.4.0")!).Select(e => e.Sequence));
    }
}
