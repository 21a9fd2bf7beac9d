using System.Security.Cryptography;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;

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

    /// <summary>The responder image: staging and prod refuse to plan without its digest.</summary>
    public static ImageReference Responder { get; } = Image(KoraInfra.Platform.Response.ResponderImage.Repository, 'e');

    /// <summary>
    /// Every image of a full KoraOS release, as release/images.txt pins them: the application's,
    /// the kora tools image and the responder's. Without the tools image, staging and prod would
    /// run the migration Job from the branch tag, which the policy pack rejects (KORA-040); without
    /// the responder's, they do not plan.
    /// </summary>
    public static IReadOnlyList<ImageReference> FullReleaseImages { get; } = [Api, Worker, Tools, Responder];

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
        PlanHash = "sha256:" + new string('c', 64),
    };

    /// <summary>The manifest the RC gate issues for <see cref="Rc"/>.</summary>
    public static ReleaseManifest RcManifest(PromotionEvidence? evidence = null)
    {
        var rc = evidence ?? Rc();
        var records = Records(rc.Version?.ToString() ?? "v1.4.0-rc.2", rc.Commit, rc.Images);
        return Gatekeeper.ManifestFor(rc, RcPromotionGate.Evaluate(rc, Context(records: records)), Now.AddDays(-2));
    }

    /// <summary>The RC manifest, signed and verified as the prod gate receives it.</summary>
    public static ManifestVerification ApprovedRc(ECDsa key, ReleaseManifest? manifest = null) =>
        ReleaseManifestVerifier.Verify(ReleaseManifestSigner.Sign(manifest ?? RcManifest(), key), key, "staging");

    /// <summary>Who promotes in the fixtures (the pipeline actor); never one of the approvers.</summary>
    public const string Promoter = "release-bot";

    /// <summary>The approval window the committed staging and prod settings set (72 h).</summary>
    public static readonly TimeSpan ApprovalWindow = TimeSpan.FromHours(72);

    /// <summary>An admitted (or refused) promotion as the audit log records it.</summary>
    public static DeployAuditEntry Promoted(long sequence, PromotionGate gate, string release, IReadOnlyList<ImageReference> images, DateTimeOffset at, string commit = Commit, DeployResult result = DeployResult.Admitted, string? manifestSha256 = null) => new()
    {
        Sequence = sequence,
        At = at,
        Who = Promoter,
        Stack = PromotionGates.TargetStack(gate),
        Action = DeployAction.Promote,
        Gate = gate,
        Release = release,
        Commit = commit,
        Images = images.Select(i => i.ToString()).ToList(),
        Result = result,
        ManifestSha256 = manifestSha256,
    };

    /// <summary>A verified history of the given entries.</summary>
    public static ReleaseLedger History(params DeployAuditEntry[] entries) =>
        ReleaseLedger.From(new AuditVerification(entries, [], new AuditHead(entries.Length, entries.Length == 0 ? AuditHead.Genesis : new string('e', 64))));

    /// <summary>The artifact (with and without the tools image) ran in staging three days ago.</summary>
    public static ReleaseLedger StagingHistory() => History(StagingEntries());

    /// <summary>
    /// The history a GA release of the fixtures expects: the artifact ran in staging, then RC
    /// v1.4.0-rc.2 was admitted two days ago as the file <paramref name="approvedRc"/> (when given).
    /// </summary>
    public static ReleaseLedger ReleasedRcHistory(ManifestVerification? approvedRc = null) => History(
        [.. StagingEntries(), Promoted(3, PromotionGate.PromoteRc, "v1.4.0-rc.2", [Api, Worker], Now.AddDays(-2), manifestSha256: approvedRc?.EnvelopeSha256)]);

    /// <summary>
    /// An RC gate's context: the staging history, the fixtures' promoter, <see cref="Now"/>, the 72 h
    /// window, no pending credential, and genuine passing records of every verification check for
    /// the fixtures' RC (unless <paramref name="records"/> says otherwise).
    /// </summary>
    public static GateContext Context(ReleaseLedger? history = null, ICompromisedCredentialSource? credentials = null, string promoter = Promoter, DateTimeOffset? now = null, VerificationRecords? records = null) =>
        new(history ?? StagingHistory(), promoter, now ?? Now, ApprovalWindow, credentials ?? new FixedCredentials()) { Records = records ?? Records(), FaultExperiments = StagingExperiments };

    /// <summary>The experiments staging can run (no HA standby there, so no postgres-failover).</summary>
    public static IReadOnlyList<string> StagingExperiments { get; } = ["n8n-worker-pod-kill", "redis-partition"];

    /// <summary>The key the fixtures' evidence records are signed and verified with, made at run time.</summary>
    public static ECDsa RecordKey { get; } = NewKey();

    /// <summary>A passing record of a check, as the drill or Job that ran it writes it: after the artifact reached staging (three days ago).</summary>
    public static EvidenceRecord Record(VerificationKind kind, string rc = "v1.4.0-rc.2", string commit = Commit, IReadOnlyList<ImageReference>? images = null, DateTimeOffset? startedAt = null, string? experiment = null)
    {
        var started = startedAt ?? Now.AddDays(-2).AddHours(-12);
        IReadOnlyList<Measurement> measurements = kind == VerificationKind.RestoreDrill
            ? [new(RestoreDrillJudgement.Rto, 412, "s", 3600), new(RestoreDrillJudgement.Rpo, 31, "s", 900)]
            : [new("http_req_duration_p95", 180, "ms", 500), new("http_req_failed_rate", 0.001, "ratio", 0.01)];
        return new EvidenceRecord
        {
            Kind = kind,
            Stack = "staging",
            Commit = commit,
            ReleaseCandidate = ReleaseVersion.TryParse(rc)!,
            Images = images ?? [Api, Worker],
            StartedAt = started,
            FinishedAt = started.AddMinutes(20),
            Measurements = measurements,
            Passed = true,
            Reasons = [],
            Driver = kind == VerificationKind.RestoreDrill ? "local" : "k6",
            Experiment = kind == VerificationKind.FaultInjection ? experiment ?? StagingExperiments[0] : null,
        };
    }

    /// <summary>A passing fault-injection record of each experiment staging can run.</summary>
    public static EvidenceRecord[] FaultRecords(DateTimeOffset? startedAt = null) =>
        StagingExperiments.Select(e => Record(VerificationKind.FaultInjection, startedAt: startedAt, experiment: e)).ToArray();

    /// <summary>The records as a gate receives them: each signed with <see cref="RecordKey"/> and verified.</summary>
    public static VerificationRecords Offered(params EvidenceRecord[] records) =>
        new("the test's records", records.Select((r, i) => EvidenceVerifier.Verify($"{VerificationNames.Of(r.Kind)}-{i}.dsse.json", EvidenceSigner.Sign(r, RecordKey), RecordKey)).ToList());

    /// <summary>Passing records of every verification check for one release.</summary>
    public static VerificationRecords Records(string rc = "v1.4.0-rc.2", string commit = Commit, IReadOnlyList<ImageReference>? images = null, DateTimeOffset? startedAt = null) =>
        Offered(Enum.GetValues<VerificationKind>()
            .SelectMany(k => k == VerificationKind.FaultInjection
                ? StagingExperiments.Select(e => Record(k, rc, commit, images, startedAt, e))
                : [Record(k, rc, commit, images, startedAt)])
            .ToArray());

    /// <summary>A staging gate's context: nothing promoted yet.</summary>
    public static GateContext StagingContext() => Context(History());

    /// <summary>A prod gate's context: the RC <paramref name="approvedRc"/> was admitted after the artifact ran in staging.</summary>
    public static GateContext ProdContext(ManifestVerification? approvedRc, ICompromisedCredentialSource? credentials = null) =>
        Context(ReleasedRcHistory(approvedRc), credentials);

    private static DeployAuditEntry[] StagingEntries() =>
    [
        Promoted(1, PromotionGate.DeployStaging, "main@" + Commit[..12], [Api, Worker], Now.AddDays(-3)),
        Promoted(2, PromotionGate.DeployStaging, "main@" + Commit[..12], FullReleaseImages, Now.AddDays(-3).AddMinutes(10)),
    ];
}

/// <summary>A compromised-credential record with fixed contents, remembering which stacks were asked for.</summary>
public sealed class FixedCredentials(params PendingCompromisedCredential[] pending) : ICompromisedCredentialSource
{
    public List<string> AskedFor { get; } = [];

    public IReadOnlyList<PendingCompromisedCredential> Pending(string stack)
    {
        AskedFor.Add(stack);
        return pending;
    }
}
