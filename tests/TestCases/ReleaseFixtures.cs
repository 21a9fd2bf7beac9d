using System.Security.Cryptography;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.TestCases;

/// <summary>Complete evidence for each gate (each test removes one piece), and keys made at run time.</summary>
public static class ReleaseFixtures
{
    public const string Commit = "4f1c2b9e8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    public static ImageReference Api { get; } = Image("ghcr.io/koraos/api", 'a');

    public static ImageReference Worker { get; } = Image("ghcr.io/koraos/worker", 'b');

    /// <summary>The kora tools image (kora + db/migrations): the stacks' migration Job runs it by digest.</summary>
    public static ImageReference Tools { get; } = Image(TenantDatabasePlan.ToolsImageRepository, 'd');

    /// <summary>
    /// Every image of a full KoraOS release, as release/images.txt pins them: the application's and
    /// the kora tools image. Without the latter, staging and prod would run the migration Job from
    /// the branch tag, which the policy pack rejects (KORA-040).
    /// </summary>
    public static IReadOnlyList<ImageReference> FullReleaseImages { get; } = [Api, Worker, Tools];

    public static ImageReference Image(string name, char fill) => new(name, "sha256:" + new string(fill, 64));

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static Uri Link(string what) => new($"https://ci.koraos.dev/evidence/{what}");

    public static Approval Approve(ApprovalRole role, string who) => new(role, who, Now.AddHours(-1));

    public static PromotionEvidence Staging() => new()
    {
        Gate = PromotionGate.DeployStaging,
        Ref = "refs/heads/main",
        Commit = Commit,
        Images = [Api, Worker],
        Approvals = [Approve(ApprovalRole.DevopsOnCall, "dana")],
        Evidence =
        [
            new EvidenceLink(EvidenceKind.Lint, true, Link("lint")),
            new EvidenceLink(EvidenceKind.UnitIntegration, true, Link("tests")),
            new EvidenceLink(EvidenceKind.SmokeRuntime, true, Link("smoke")),
            new EvidenceLink(EvidenceKind.SecurityChecks, true, Link("security")),
        ],
        OpenCriticalFindings = [],
    };

    public static PromotionEvidence Rc(string version = "v1.4.0-rc.2") => new()
    {
        Gate = PromotionGate.PromoteRc,
        Ref = "refs/tags/" + version,
        Version = ReleaseVersion.TryParse(version),
        Commit = Commit,
        Images = [Api, Worker],
        Approvals = [Approve(ApprovalRole.Qa, "quinn"), Approve(ApprovalRole.Architect, "ari"), Approve(ApprovalRole.Devops, "dana")],
        Evidence =
        [
            new EvidenceLink(EvidenceKind.StagingStable, true, Link("staging-stable")),
            new EvidenceLink(EvidenceKind.Load, true, Link("load")),
            new EvidenceLink(EvidenceKind.Soak, true, Link("soak")),
            new EvidenceLink(EvidenceKind.FaultInjection, true, Link("fault-injection")),
            new EvidenceLink(EvidenceKind.MigrationAndRollback, true, Link("migration-rollback")),
            new EvidenceLink(EvidenceKind.Runbook, true, Link("runbook-o1")),
        ],
        Scorecard = new Scorecard(true, Link("scorecard")),
        RtmP0 = new RtmP0Status(true, Link("rtm-p0")),
        OpenCriticalFindings = [],
    };

    public static PromotionEvidence Prod(string version = "v1.4.0", string sourceRc = "v1.4.0-rc.2") => new()
    {
        Gate = PromotionGate.DeployProd,
        Ref = "refs/tags/" + version,
        Version = ReleaseVersion.TryParse(version),
        SourceRc = ReleaseVersion.TryParse(sourceRc),
        Commit = Commit,
        Images = [Api, Worker],
        Approvals = [Approve(ApprovalRole.Po, "paula"), Approve(ApprovalRole.Pm, "pedro"), Approve(ApprovalRole.Devops, "dana"), Approve(ApprovalRole.Qa, "quinn")],
        Evidence = [],
        OpenCriticalFindings = [],
        PendingCompromisedCredentials = [],
        RestoreDrill = new RestoreDrillReport
        {
            Stack = "staging",
            ReleaseCandidate = ReleaseVersion.TryParse(sourceRc)!,
            PerformedAt = Now.AddDays(-1),
            RpoTargetMinutes = 15,
            RtoTargetMinutes = 60,
            MeasuredRpoMinutes = 5,
            MeasuredRtoMinutes = 42,
            Url = Link("restore-drill"),
        },
        PlanHash = "sha256:" + new string('c', 64),
    };

    /// <summary>The manifest the RC gate issues for <see cref="Rc"/>.</summary>
    public static ReleaseManifest RcManifest(PromotionEvidence? evidence = null)
    {
        var rc = evidence ?? Rc();
        return Gatekeeper.ManifestFor(rc, RcPromotionGate.Evaluate(rc), Now.AddDays(-2));
    }

    /// <summary>The RC manifest, signed and verified as the prod gate receives it.</summary>
    public static ManifestVerification ApprovedRc(ECDsa key, ReleaseManifest? manifest = null) =>
        ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(manifest ?? RcManifest(), key), key, "staging");
}
