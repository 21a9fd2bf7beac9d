using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.TestCases;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>The gates tried as an attacker would: each promotion the release plan forbids is refused by name.</summary>
public sealed class GovernanceGateTests : IDisposable
{
    private readonly System.Security.Cryptography.ECDsa _key = NewKey();

    public void Dispose() => _key.Dispose();

    // 1. Compromised credentials come from the secrets capability's record, whatever the evidence says.
    [Fact]
    public void A_credential_the_record_holds_blocks_every_gate_although_the_evidence_omits_it()
    {
        var pending = new PendingCompromisedCredential("redis-access-key", Now.AddHours(-2));
        var staging = new FixedCredentials(pending);
        var rc = new FixedCredentials(pending);
        var prod = new FixedCredentials(pending);
        var approvedRc = ApprovedRc(_key);

        var reports = new[]
        {
            StagingDeployGate.Evaluate(Staging() with { PendingCompromisedCredentials = [] }, Context(History(), staging)),
            RcPromotionGate.Evaluate(Rc() with { PendingCompromisedCredentials = [] }, Context(credentials: rc)),
            ProdDeployGate.Evaluate(Prod() with { PendingCompromisedCredentials = [] }, approvedRc, ProdContext(approvedRc, prod)),
        };

        Assert.All(reports, r => Assert.Equal("proof of replacement of 'redis-access-key' (reported 2026-03-02 12:00:00Z)", OnlyFailure(r, CompromisedCredentialCondition.Id).Missing));
        Assert.Equal(["staging"], staging.AskedFor);
        Assert.Equal(["staging"], rc.AskedFor);
        Assert.Equal(["prod"], prod.AskedFor);
    }

    [Fact]
    public void An_unreadable_credential_record_fails_closed()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context(credentials: new BrokenCredentials()));

        Assert.Contains("a readable compromised-credential record for staging: Pulumi.staging.yaml is invalid", OnlyFailure(report, CompromisedCredentialCondition.Id).Missing, StringComparison.Ordinal);
    }

    // 2. A finding opened after the RC blocks go/no-go.
    [Fact]
    public void A_critical_finding_opened_after_the_rc_blocks_ga()
    {
        var approvedRc = ApprovedRc(_key);

        var report = ProdDeployGate.Evaluate(Prod() with { OpenCriticalFindings = ["SEC-12"] }, approvedRc, ProdContext(approvedRc));

        Assert.Equal("closure of the open critical finding(s) SEC-12", OnlyFailure(report, "no-open-critical-finding").Missing);
    }

    // 3. History: GA only from the latest stable RC.
    [Fact]
    public void Ga_from_an_rc_the_rc_gate_refused_is_refused()
    {
        var approvedRc = ApprovedRc(_key);
        var history = History(Staged(1), Promoted(2, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), result: DeployResult.Refused) with { FailedConditions = ["rc-scorecard"] });

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, Context(history));

        Assert.Equal("an RC the 'promote-rc' gate admitted: v1.4.0-rc.2 was refused (audit entry 2: failed rc-scorecard)", OnlyFailure(report, LatestStableRcCondition.Id).Missing);
    }

    [Fact]
    public void Ga_from_an_rc_rolled_back_in_staging_is_refused()
    {
        var approvedRc = ApprovedRc(_key);
        var history = History(
            Staged(1),
            Promoted(2, PromotionGate.PromoteRc, "v1.4.0-rc.1", [Api, Worker], Now.AddDays(-3)),
            Promoted(3, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), manifestSha256: approvedRc.EnvelopeSha256),
            RolledBack(4, "v1.4.0-rc.1", "v1.4.0-rc.2"));

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, Context(history));

        Assert.Equal("a stable RC: v1.4.0-rc.2 was rolled back in staging (audit entry 4); the latest stable RC of v1.4.0 is v1.4.0-rc.1", OnlyFailure(report, LatestStableRcCondition.Id).Missing);
    }

    [Fact]
    public void Ga_from_an_rc_a_newer_rc_replaced_is_refused()
    {
        var approvedRc = ApprovedRc(_key);
        var history = History(
            Staged(1),
            Promoted(2, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), manifestSha256: approvedRc.EnvelopeSha256),
            Promoted(3, PromotionGate.PromoteRc, "v1.4.0-rc.3", [Api, Worker], Now.AddDays(-1)));

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, Context(history));

        Assert.Equal("the latest stable RC: v1.4.0-rc.2 (audit entry 2) was replaced by v1.4.0-rc.3 (audit entry 3)", OnlyFailure(report, LatestStableRcCondition.Id).Missing);
    }

    [Fact]
    public void Ga_from_an_rc_the_log_never_admitted_or_from_another_file_is_refused()
    {
        var approvedRc = ApprovedRc(_key);

        var never = ProdDeployGate.Evaluate(Prod(), approvedRc, Context(StagingHistory()));
        var otherFile = ProdDeployGate.Evaluate(Prod(), approvedRc, Context(ReleasedRcHistory(approvedRc with { EnvelopeSha256 = "sha256:" + new string('0', 64) })));

        Assert.Equal("an RC the 'promote-rc' gate admitted: the audit log records no promotion of v1.4.0-rc.2", OnlyFailure(never, LatestStableRcCondition.Id).Missing);
        Assert.StartsWith("the RC manifest admitted in audit entry 3 (sha256:0000", OnlyFailure(otherFile, LatestStableRcCondition.Id).Missing, StringComparison.Ordinal);
    }

    // 4. The RC must have run in staging.
    [Fact]
    public void An_rc_of_an_artifact_that_never_ran_in_staging_is_refused()
    {
        var report = RcPromotionGate.Evaluate(Rc(), Context(History()));

        Assert.Equal($"an admitted staging deploy of commit {Commit}: the audit log holds none, so this artifact never ran in staging", OnlyFailure(report, RanInStagingCondition.Id).Missing);
    }

    [Fact]
    public void An_rc_whose_images_differ_from_what_staging_ran_is_refused_naming_the_image()
    {
        var rebuilt = Image("ghcr.io/koraos/worker", '7');

        var report = RcPromotionGate.Evaluate(Rc() with { Images = [Api, rebuilt] }, Context(History(Staged(1)), records: Records(images: [Api, rebuilt])));

        var missing = OnlyFailure(report, RanInStagingCondition.Id).Missing!;
        Assert.Contains($"'{rebuilt}' never ran in staging", missing, StringComparison.Ordinal);
        Assert.Contains($"'{Worker}' ran in staging but is not in the RC", missing, StringComparison.Ordinal);
    }

    // 5. People.
    [Fact]
    public void One_person_filling_two_roles_is_refused()
    {
        var evidence = Rc() with { Approvals = [Approve(ApprovalRole.Qa, "dana"), Approve(ApprovalRole.Architect, "ari"), Approve(ApprovalRole.Devops, "Dana")] };

        var report = RcPromotionGate.Evaluate(evidence, Context());

        Assert.Equal("a distinct person for each role: 'dana' signs as qa and devops", OnlyFailure(report, ApprovalConditions.DistinctId).Missing);
    }

    [Fact]
    public void The_promoter_is_not_counted_as_an_approver()
    {
        var approvedRc = ApprovedRc(_key);

        var report = ProdDeployGate.Evaluate(Prod(), approvedRc, ProdContext(approvedRc) with { Promoter = "dana" });

        Assert.Equal("a valid approval by role 'devops': 'dana' is the promoter, who cannot approve their own promotion", OnlyFailure(report, "go-no-go.devops").Missing);
    }

    [Fact]
    public void An_approval_given_before_the_rc_existed_is_refused()
    {
        var approvedRc = ApprovedRc(_key);
        var early = Prod() with { Approvals = [.. Prod().Approvals.Where(a => a.Role != ApprovalRole.Pm), new Approval(ApprovalRole.Pm, "pedro", Now.AddDays(-2).AddHours(-1))] };

        var report = ProdDeployGate.Evaluate(early, approvedRc, ProdContext(approvedRc));

        Assert.Equal("a valid approval by role 'pm': 'pedro' approved at 2026-02-28T13:00:00Z, before RC v1.4.0-rc.2 was admitted (audit entry 3) at 2026-02-28T14:00:00Z", OnlyFailure(report, "go-no-go.pm").Missing);
    }

    [Fact]
    public void An_rc_approval_given_before_the_artifact_ran_in_staging_is_refused()
    {
        var early = Rc() with { Approvals = [.. Rc().Approvals.Where(a => a.Role != ApprovalRole.Qa), new Approval(ApprovalRole.Qa, "quinn", Now.AddHours(-3))] };
        var history = History(Staged(1) with { At = Now.AddHours(-2) });

        var report = RcPromotionGate.Evaluate(early, Context(history, records: Records(startedAt: Now.AddHours(-1))));

        Assert.Equal("a valid approval by role 'qa': 'quinn' approved at 2026-03-02T11:00:00Z, before the artifact ran in staging (audit entry 1) at 2026-03-02T12:00:00Z", OnlyFailure(report, "approval.qa").Missing);
    }

    [Fact]
    public void An_approval_dated_in_the_future_or_outside_the_window_is_refused()
    {
        var future = Rc() with { Approvals = [.. Rc().Approvals.Where(a => a.Role != ApprovalRole.Architect), new Approval(ApprovalRole.Architect, "ari", Now.AddMinutes(30))] };
        var stale = Staging() with { Approvals = [new Approval(ApprovalRole.DevopsOnCall, "dana", Now.AddHours(-73))] };

        var futureReport = RcPromotionGate.Evaluate(future, Context());
        var staleReport = StagingDeployGate.Evaluate(stale, StagingContext());

        Assert.Equal("a valid approval by role 'architect': 'ari' approved at 2026-03-02T14:30:00Z, in the future (now 2026-03-02T14:00:00Z)", OnlyFailure(futureReport, "approval.architect").Missing);
        Assert.Equal("a valid approval by role 'devops-on-call': 'dana' approved at 2026-02-27T13:00:00Z, older than the 72 h approval window", OnlyFailure(staleReport, "approval.devops-on-call").Missing);
    }

    // 6. Version namespace.
    [Fact]
    public void A_main_build_cannot_take_an_rc_or_ga_version()
    {
        var rc = StagingDeployGate.Evaluate(Staging() with { Version = ReleaseVersion.TryParse("v1.4.0-rc.2") }, StagingContext());
        var ga = StagingDeployGate.Evaluate(Staging() with { Version = ReleaseVersion.TryParse("v1.4.0") }, StagingContext());

        Assert.Equal("no version for a main build: 'v1.4.0-rc.2' is claimed only by the 'promote-rc' gate", OnlyFailure(rc, VersionNamespaceCondition.Id).Missing);
        Assert.Equal("no version for a main build: 'v1.4.0' is claimed only by the 'deploy-prod' gate", OnlyFailure(ga, VersionNamespaceCondition.Id).Missing);
    }

    [Fact]
    public void A_ga_version_is_never_taken_through_the_rc_gate()
    {
        var report = RcPromotionGate.Evaluate(Rc() with { Version = ReleaseVersion.TryParse("v1.4.0"), Ref = "refs/tags/v1.4.0" }, Context());

        // No evidence record can be bound to a GA version either: records name the RC they ran against.
        Assert.Equal(["rc-tag", "load-approved", "soak-approved", "fault-injection-approved", VersionNamespaceCondition.Id], report.Failures.Select(f => f.Id));
    }

    [Fact]
    public void A_version_already_admitted_is_refused_as_a_named_condition()
    {
        var approvedRc = ApprovedRc(_key);
        var history = History([.. ReleasedRcHistory(approvedRc).Entries, Promoted(4, PromotionGate.DeployProd, "v1.4.0", [Api, Worker], Now.AddHours(-5))]);

        var again = ProdDeployGate.Evaluate(Prod(), approvedRc, Context(history));
        var rcAgain = RcPromotionGate.Evaluate(Rc(), Context(ReleasedRcHistory()));

        Assert.StartsWith("an unclaimed version: v1.4.0 was already admitted to prod (audit entry 4)", OnlyFailure(again, VersionNamespaceCondition.Id).Missing, StringComparison.Ordinal);
        Assert.StartsWith("an unclaimed version: v1.4.0-rc.2 was already admitted to staging (audit entry 3)", OnlyFailure(rcAgain, VersionNamespaceCondition.Id).Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staging_manifest_carrying_a_version_is_malformed()
    {
        var manifest = Gatekeeper.ManifestFor(Staging(), StagingDeployGate.Evaluate(Staging(), StagingContext()), Now) with { Version = ReleaseVersion.TryParse("v1.4.0-rc.2") };

        Assert.Contains(ReleaseManifestRules.Problems(manifest), p => p.Contains("RC versions are claimed only by 'promote-rc'", StringComparison.Ordinal));
    }

    private static DeployAuditEntry Staged(long sequence) =>
        Promoted(sequence, PromotionGate.DeployStaging, "main@" + Commit[..12], [Api, Worker], Now.AddDays(-3));

    private static DeployAuditEntry RolledBack(long sequence, string to, string of) => new()
    {
        Sequence = sequence,
        At = Now.AddDays(-1),
        Who = "oncall",
        Stack = "staging",
        Action = DeployAction.Rollback,
        Release = to,
        Commit = Commit,
        Images = [],
        Result = DeployResult.Admitted,
        RollbackOf = of,
    };

    private static GateCondition OnlyFailure(GateReport report, string id)
    {
        Assert.Equal([id], report.Failures.Select(f => f.Id));
        return report.Failures[0];
    }

    private sealed class BrokenCredentials : ICompromisedCredentialSource
    {
        public IReadOnlyList<PendingCompromisedCredential> Pending(string stack) => throw new InvalidOperationException($"Pulumi.{stack}.yaml is invalid");
    }
}
