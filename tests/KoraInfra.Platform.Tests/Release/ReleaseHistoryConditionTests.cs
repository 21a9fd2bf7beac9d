using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The conditions read from the history, at their less travelled edges: a refusal recorded with a
/// reason or with nothing, the last of several refusals, a rollback that leaves no stable RC, a
/// version claimed through the wrong gate, and a main build's label for a short commit.
/// </summary>
public sealed class ReleaseHistoryConditionTests : IDisposable
{
    private readonly System.Security.Cryptography.ECDsa _key = NewKey();

    public void Dispose() => _key.Dispose();

    private static DeployAuditEntry[] Staged() =>
    [
        Promoted(1, PromotionGate.DeployStaging, "main@" + Commit[..12], [Api, Worker], Now.AddDays(-3)),
    ];

    private string? LatestStable(params DeployAuditEntry[] later) =>
        LatestStableRcCondition.Evaluate(Prod(), ApprovedRc(_key), History([.. Staged(), .. later])).Missing;

    [Fact]
    public void A_refusal_that_no_gate_judged_is_named_by_its_reason_and_one_without_any_as_refused()
    {
        var refused = Promoted(2, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), result: DeployResult.Refused);

        Assert.Equal(
            "an RC the 'promote-rc' gate admitted: v1.4.0-rc.2 was refused (audit entry 2: the evidence file is not JSON)",
            LatestStable(refused with { Reason = "the evidence file is not JSON" }));
        Assert.Equal("an RC the 'promote-rc' gate admitted: v1.4.0-rc.2 was refused (audit entry 2: refused)", LatestStable(refused));
        Assert.Equal(
            "an RC the 'promote-rc' gate admitted: v1.4.0-rc.2 was refused (audit entry 2: failed rc-scorecard, rtm-p0-complete)",
            LatestStable(refused with { Reason = "ignored beside the conditions", FailedConditions = ["rc-scorecard", "rtm-p0-complete"] }));
    }

    [Fact]
    public void Of_several_refusals_the_last_is_named()
    {
        var first = Promoted(2, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), result: DeployResult.Refused) with { Reason = "first" };
        var last = Promoted(3, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), result: DeployResult.Refused) with { Reason = "last" };

        Assert.Equal("an RC the 'promote-rc' gate admitted: v1.4.0-rc.2 was refused (audit entry 3: last)", LatestStable(first, last));
    }

    [Fact]
    public void A_rollback_that_leaves_no_stable_rc_says_none_is_left()
    {
        var admitted = Promoted(2, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2));
        var rollback = admitted with { Sequence = 3, Action = DeployAction.Rollback, Gate = null, Release = "main@" + Commit[..12], RollbackOf = "v1.4.0-rc.2" };

        Assert.Equal("a stable RC: v1.4.0-rc.2 was rolled back in staging (audit entry 3); the latest stable RC of v1.4.0 is none", LatestStable(admitted, rollback));
        var approved = ApprovedRc(_key);
        Assert.Null(LatestStableRcCondition.Evaluate(Prod(), approved, History([.. Staged(), admitted with { ManifestSha256 = approved.EnvelopeSha256 }])).Missing);
    }

    [Fact]
    public void A_version_claimed_through_the_wrong_gate_names_the_gate_that_claims_it()
    {
        var rcWithGa = VersionNamespaceCondition.Evaluate(Rc("v1.4.0"), History());
        var prodWithRc = VersionNamespaceCondition.Evaluate(Prod("v1.4.0-rc.3"), History());

        Assert.Equal(new GateCondition(VersionNamespaceCondition.Id, "versoes: build de main sem versao; RC apenas pelo gate de RC; GA apenas pelo gate de prod; uma vez cada", false, "an RC version: the GA version 'v1.4.0' is claimed only by the 'deploy-prod' gate"), rcWithGa);
        Assert.Equal("a GA version: the RC version 'v1.4.0-rc.3' is claimed only by the 'promote-rc' gate", prodWithRc.Missing);
        Assert.True(VersionNamespaceCondition.Evaluate(Rc(), History()).Met);
        Assert.True(VersionNamespaceCondition.Evaluate(Prod(), History()).Met);
    }

    [Fact]
    public void A_main_build_already_deployed_is_claimed_by_its_commit_label()
    {
        var again = VersionNamespaceCondition.Evaluate(Staging(), History(Staged()));

        Assert.Equal(
            $"an unclaimed version: main@{Commit[..12]} was already admitted to staging (audit entry 1); a release is promoted once: roll back with 'kora rollback', or tag a new release",
            again.Missing);
        Assert.True(VersionNamespaceCondition.Evaluate(Staging() with { Commit = new string('9', 40) }, History(Staged())).Met);
    }

    [Fact]
    public void A_short_commit_is_labelled_whole_and_an_admission_with_another_result_does_not_claim_it()
    {
        var refused = Promoted(1, PromotionGate.DeployStaging, "main@abc", [Api, Worker], Now.AddDays(-3), result: DeployResult.Refused);

        Assert.True(VersionNamespaceCondition.Evaluate(Staging() with { Commit = "abc" }, History(refused)).Met);
        Assert.False(VersionNamespaceCondition.Evaluate(Staging() with { Commit = "abc" }, History(refused with { Result = DeployResult.Admitted })).Met);
    }
}
