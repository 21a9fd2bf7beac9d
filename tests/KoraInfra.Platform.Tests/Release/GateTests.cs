using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;
using static KoraInfra.TestCases.ReleaseFixtures;

namespace KoraInfra.Platform.Tests.Release;

public sealed class GateTests
{
    public static TheoryData<string, string> StagingGaps => new()
    {
        { "from a feature branch", "merged-to-main" },
        { "no lint report", "required-check.lint" },
        { "no test report", "required-check.unit-integration" },
        { "smoke failed", "required-check.smoke-runtime" },
        { "no security checks", "required-check.security-checks" },
        { "no devops on-call approval", "approval.devops-on-call" },
        { "no images", "artifact-by-commit" },
    };

    public static TheoryData<string, string> RcGaps => new()
    {
        { "built from a branch", "rc-tag" },
        { "no staging stability", "staging-stable" },
        { "migration not rolled back", "migration-and-rollback" },
        { "no qa approval", "approval.qa" },
        { "no architect approval", "approval.architect" },
        { "no devops approval", "approval.devops" },
        { "scorecard failed", "rc-scorecard" },
        { "rtm incomplete", "rtm-p0-complete" },
        { "critical finding open", "no-open-critical-finding" },
        { "commit is not a sha", "load-approved+soak-approved+fault-injection-approved+artifact-by-commit+ran-in-staging" },
        { "no runbook evidence", "runbook-evidence-linked" },
    };

    public static TheoryData<string, string> ProdGaps => new()
    {
        { "deploy from a branch", "ga-tag" },
        { "rc tag instead of ga", "ga-tag+version-unclaimed" },
        { "no source rc", "from-approved-rc+restore-drill-within-rpo-rto+latest-stable-rc" },
        { "no po go", "go-no-go.po" },
        { "no pm go", "go-no-go.pm" },
        { "no devops go", "go-no-go.devops" },
        { "no qa go", "go-no-go.qa" },
        { "rebuilt image", "validated-artifact+restore-drill-within-rpo-rto" },
        { "another commit", "validated-artifact+restore-drill-within-rpo-rto" },
        { "compromised credential pending", "no-compromised-credential-pending" },
        { "critical finding open", "no-open-critical-finding" },
    };

    [Fact]
    public void Staging_passes_with_complete_evidence() => AssertPassed(StagingDeployGate.Evaluate(Staging(), StagingContext()));

    [Fact]
    public void Rc_passes_with_complete_evidence() => AssertPassed(RcPromotionGate.Evaluate(Rc(), Context()));

    [Fact]
    public void Prod_passes_with_complete_evidence()
    {
        using var key = NewKey();

        AssertPassed(ProdGate(Prod(), ApprovedRc(key)));
    }

    [Fact]
    public void A_full_release_with_the_tools_image_passes_the_rc_and_prod_gates()
    {
        using var key = NewKey();
        var rc = Rc() with { Images = FullReleaseImages };

        AssertPassed(RcPromotionGate.Evaluate(rc, Context(records: Records(images: FullReleaseImages))));
        var approvedRc = ApprovedRc(key, RcManifest(rc));
        AssertPassed(ProdDeployGate.Evaluate(Prod() with { Images = FullReleaseImages }, approvedRc, ProdContext(approvedRc) with { Records = Records(images: FullReleaseImages) }));
    }

    [Theory]
    [MemberData(nameof(StagingGaps))]
    public void Staging_fails_for_each_single_missing_condition_naming_it(string gap, string condition) =>
        AssertFailsOnly(StagingDeployGate.Evaluate(Break(Staging(), gap), StagingContext()), condition);

    [Theory]
    [MemberData(nameof(RcGaps))]
    public void Rc_fails_for_each_single_missing_condition_naming_it(string gap, string condition) =>
        AssertFailsOnly(RcPromotionGate.Evaluate(Break(Rc(), gap), Context()), condition);

    [Theory]
    [MemberData(nameof(ProdGaps))]
    public void Prod_fails_for_each_single_missing_condition_naming_it(string gap, string condition)
    {
        using var key = NewKey();

        AssertFailsOnly(ProdGate(Break(Prod(), gap), ApprovedRc(key)), condition);
    }

    [Fact]
    public void Prod_from_a_branch_is_refused_naming_the_branch()
    {
        using var key = NewKey();

        var failure = Single(ProdGate(Prod() with { Ref = "refs/heads/hotfix" }, ApprovedRc(key)), "ga-tag");

        Assert.Contains("'refs/heads/hotfix'", failure.Missing, StringComparison.Ordinal);
        Assert.Contains("never a branch", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_from_an_rc_that_lacks_the_architect_is_refused()
    {
        using var key = NewKey();
        var unapproved = RcManifest() with { Approvals = [Approve(ApprovalRole.Qa, "quinn"), Approve(ApprovalRole.Devops, "dana")] };

        var failure = Single(ProdGate(Prod(), ApprovedRc(key, unapproved)), "from-approved-rc");

        Assert.Equal("RC v1.4.0-rc.2 is not approved: it lacks approval 'architect'", failure.Missing);
    }

    [Fact]
    public void Prod_from_an_rc_with_an_open_critical_finding_is_refused()
    {
        using var key = NewKey();
        var unapproved = RcManifest() with { OpenCriticalFindings = ["SEC-42"] };

        var failure = Single(ProdGate(Prod(), ApprovedRc(key, unapproved)), "from-approved-rc");

        Assert.Contains("SEC-42", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_from_an_rc_manifest_signed_with_another_key_is_refused()
    {
        using var pipelineKey = NewKey();
        using var otherKey = NewKey();
        var forged = ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(RcManifest(), otherKey), pipelineKey, "staging");

        var report = ProdGate(Prod(), forged);

        Assert.Contains("no signature verifies", Single(report, "from-approved-rc", alsoFailing: "validated-artifact").Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_without_the_rc_manifest_is_refused()
    {
        var report = ProdGate(Prod(), approvedRc: null);

        Assert.Equal("the signed manifest of the approved RC v1.4.0-rc.2", Single(report, "from-approved-rc", alsoFailing: "validated-artifact").Missing);
    }

    [Fact]
    public void Prod_from_a_staging_build_manifest_instead_of_an_rc_is_refused()
    {
        using var key = NewKey();
        var staging = Staging();
        var stagingManifest = Gatekeeper.ManifestFor(staging, StagingDeployGate.Evaluate(staging, StagingContext()), Now);

        var failure = Single(ProdGate(Prod(), ApprovedRc(key, stagingManifest)), "from-approved-rc");

        Assert.Contains("admitted by 'deploy-staging'", failure.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebuilt_artifact_is_refused_naming_the_image_and_both_digests()
    {
        using var key = NewKey();
        var rebuilt = Prod() with { Images = [Api, Image("ghcr.io/koraos/worker", 'e')] };

        // The restore drill's record ran against the validated images, so it does not count for these either.
        var failure = Single(ProdGate(rebuilt, ApprovedRc(key)), "validated-artifact", alsoFailing: "restore-drill-within-rpo-rto");

        Assert.Equal($"image 'ghcr.io/koraos/worker' has digest sha256:{new string('e', 64)}, not the validated sha256:{new string('b', 64)} (a rebuilt artifact)", failure.Missing);
    }

    [Fact]
    public void A_pending_compromised_credential_is_named()
    {
        using var key = NewKey();
        var pending = Prod() with { PendingCompromisedCredentials = [new PendingCompromisedCredential("n8n-db-password", Now.AddHours(-3))] };

        var failure = Single(ProdGate(pending, ApprovedRc(key)), "no-compromised-credential-pending");

        Assert.Equal("proof of replacement of 'n8n-db-password' (reported 2026-03-02 11:00:00Z)", failure.Missing);
    }

    [Fact]
    public void Credentials_the_secrets_capability_reports_pending_block_prod()
    {
        using var key = NewKey();
        var source = new FixedCredentials(new PendingCompromisedCredential("kv-n8n-encryption-key", Now.AddDays(-1)));

        var failure = Single(ProdGate(Prod(), ApprovedRc(key), source), "no-compromised-credential-pending");

        Assert.Contains("'kv-n8n-encryption-key'", failure.Missing, StringComparison.Ordinal);
        Assert.Equal(["prod"], source.AskedFor);
    }

    [Fact]
    public void The_approval_sets_are_the_seeds()
    {
        Assert.Equal([ApprovalRole.Qa, ApprovalRole.Architect, ApprovalRole.Devops], RcPromotionGate.RequiredApprovals);
        Assert.Equal([ApprovalRole.Po, ApprovalRole.Pm, ApprovalRole.Devops, ApprovalRole.Qa], ProdDeployGate.GoNoGo);
        Assert.Equal(TimeSpan.FromMinutes(60), RecoveryObjectives.MaximumRto);
    }

    [Fact]
    public void A_failing_gate_lists_every_failed_condition_at_once()
    {
        var report = StagingDeployGate.Evaluate(Staging() with { Ref = "refs/heads/feature/x", Approvals = [], Evidence = [] }, StagingContext());

        Assert.Equal(6, report.Failures.Count);
    }

    [Fact]
    public void An_admitted_promotion_becomes_a_well_formed_manifest_for_the_gates_stack()
    {
        var staging = Staging();
        var prod = Prod();
        using var key = NewKey();

        var stagingManifest = Gatekeeper.ManifestFor(staging, StagingDeployGate.Evaluate(staging, StagingContext()), Now);
        var prodManifest = Gatekeeper.ManifestFor(prod, ProdGate(prod, ApprovedRc(key)), Now);

        Assert.Equal("staging", stagingManifest.Stack);
        Assert.Equal("prod", prodManifest.Stack);
        Assert.Empty(ReleaseManifestRules.Problems(stagingManifest));
        Assert.Empty(ReleaseManifestRules.Problems(prodManifest));
        Assert.Equal(prod.PlanHash, prodManifest.PlanHash);
    }

    [Fact]
    public void A_refused_promotion_never_becomes_a_manifest()
    {
        var staging = Staging() with { Approvals = [] };

        Assert.Throws<InvalidOperationException>(() => Gatekeeper.ManifestFor(staging, StagingDeployGate.Evaluate(staging, StagingContext()), Now));
    }

    private static PromotionEvidence Break(PromotionEvidence e, string gap) => gap switch
    {
        "from a feature branch" => e with { Ref = "refs/heads/feature/login" },
        "no lint report" => Without(e, EvidenceKind.Lint),
        "no test report" => Without(e, EvidenceKind.UnitIntegration),
        "smoke failed" => e with { Evidence = e.Evidence.Select(l => l.Kind == EvidenceKind.SmokeRuntime ? l with { Passed = false } : l).ToList() },
        "no security checks" => Without(e, EvidenceKind.SecurityChecks),
        "no devops on-call approval" or "no qa approval" or "no qa go" => e with { Approvals = e.Approvals.Where(a => a.Role is not (ApprovalRole.DevopsOnCall or ApprovalRole.Qa)).ToList() },
        "no images" => e with { Images = [] },
        "built from a branch" => e with { Ref = "refs/heads/main" },
        "no staging stability" => Without(e, EvidenceKind.StagingStable),
        "migration not rolled back" => Without(e, EvidenceKind.MigrationAndRollback),
        "no architect approval" => WithoutRole(e, ApprovalRole.Architect),
        "no devops approval" or "no devops go" => WithoutRole(e, ApprovalRole.Devops),
        "scorecard failed" => e with { Scorecard = e.Scorecard! with { Passed = false } },
        "rtm incomplete" => e with { RtmP0 = e.RtmP0! with { Complete = false } },
        "critical finding open" => e with { OpenCriticalFindings = ["SEC-7"] },
        "commit is not a sha" => e with { Commit = "HEAD" },
        "no runbook evidence" => Without(e, EvidenceKind.Runbook),
        "deploy from a branch" => e with { Ref = "refs/heads/main" },
        "rc tag instead of ga" => e with { Ref = "refs/tags/v1.4.0-rc.2", Version = ReleaseVersion.TryParse("v1.4.0-rc.2") },
        "no source rc" => e with { SourceRc = null },
        "no po go" => WithoutRole(e, ApprovalRole.Po),
        "no pm go" => WithoutRole(e, ApprovalRole.Pm),
        "rebuilt image" => e with { Images = [Api, Image("ghcr.io/koraos/worker", 'f')] },
        "another commit" => e with { Commit = new string('9', 40) },
        "compromised credential pending" => e with { PendingCompromisedCredentials = [new PendingCompromisedCredential("redis-access-key", Now)] },
        _ => throw new ArgumentOutOfRangeException(nameof(gap), gap, "no such gap"),
    };

    private static GateReport ProdGate(PromotionEvidence evidence, ManifestVerification? approvedRc, ICompromisedCredentialSource? credentials = null) =>
        ProdDeployGate.Evaluate(evidence, approvedRc, ProdContext(approvedRc, credentials));

    private static PromotionEvidence Without(PromotionEvidence e, EvidenceKind kind) => e with { Evidence = e.Evidence.Where(l => l.Kind != kind).ToList() };

    private static PromotionEvidence WithoutRole(PromotionEvidence e, ApprovalRole role) => e with { Approvals = e.Approvals.Where(a => a.Role != role).ToList() };

    private static void AssertPassed(GateReport report) =>
        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Failures));

    private static void AssertFailsOnly(GateReport report, string condition)
    {
        // A single gap may, by its nature, break two named conditions ("a+b").
        Assert.False(report.Passed);
        Assert.Equal(condition.Split('+'), report.Failures.Select(f => f.Id));
        Assert.All(report.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Missing)));
    }

    private static GateCondition Single(GateReport report, string condition, string? alsoFailing = null)
    {
        string[] expected = alsoFailing is null ? [condition] : [condition, alsoFailing];
        Assert.Equal(expected.Order(StringComparer.Ordinal), report.Failures.Select(f => f.Id).Order(StringComparer.Ordinal));
        return report.Failures.Single(f => f.Id == condition);
    }
}
