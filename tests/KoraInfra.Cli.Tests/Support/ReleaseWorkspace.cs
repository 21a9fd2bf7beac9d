using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;
using KoraInfra.TestCases;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Cli.Tests.Support;

/// <summary>
/// A scratch project with the committed stack files, a release key made for the test (kept in
/// a directory outside the project), a fake clock, and the head the release store (WORM) would
/// hold: what the pipeline has when it promotes. After every promote or rollback that appended
/// an entry, admitted or refused, the head is "published", as the workflows push the log.
/// </summary>
internal sealed class ReleaseWorkspace : IDisposable
{
    private readonly ECDsa _key = ReleaseFixtures.NewKey();
    private readonly string _keys = Directory.CreateTempSubdirectory("kora-keys-").FullName;

    public ReleaseWorkspace()
    {
        Project = Repository.ScratchProject(
            ("Pulumi.dev.yaml", File.ReadAllText(Repository.StackFile("dev"))),
            ("Pulumi.staging.yaml", File.ReadAllText(Repository.StackFile("staging"))),
            ("Pulumi.prod.yaml", File.ReadAllText(Repository.StackFile("prod"))));
        SigningKey = Path.Combine(_keys, "release-signing.pem");
        VerifyKey = Path.Combine(_keys, "release-verify.pem");
        File.WriteAllText(SigningKey, _key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(VerifyKey, _key.ExportSubjectPublicKeyInfoPem());
    }

    public string Project { get; }

    /// <summary>The pipeline's release key (made for the test), for records a test signs itself.</summary>
    public ECDsa Key => _key;

    public string SigningKey { get; }

    public string VerifyKey { get; }

    public FakeTimeProvider Time { get; } = new(ReleaseFixtures.Now);

    /// <summary>The log the committed staging and prod settings name.</summary>
    public string AuditLog => Path.Combine(Project, "audit", "deploy-audit.jsonl");

    /// <summary>The head last published to the release store: (count, hash), or none before the first entry.</summary>
    public (long Count, string Hash)? Published { get; set; }

    public string StackFile(string stack) => Path.Combine(Project, $"Pulumi.{stack}.yaml");

    public string Manifest(string stack, string version) => Path.Combine(Project, "releases", stack, version + ".dsse.json");

    /// <summary>A 40-hex commit per release, the fixtures' own for v1.4.0.</summary>
    public static string CommitOf(string ga) =>
        ga == "v1.4.0" ? ReleaseFixtures.Commit : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ga)))[..40];

    /// <summary>Writes evidence to a file in the keys directory (outside the project) and returns its path.</summary>
    public string Evidence(PromotionEvidence evidence, string name)
    {
        var path = Path.Combine(_keys, name + ".json");
        File.WriteAllText(path, ReleaseJson.Write(evidence));
        return path;
    }

    /// <summary>Writes any text as an evidence file.</summary>
    public string EvidenceText(string text, string name)
    {
        var path = Path.Combine(_keys, name + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The approvals given now, as the protected environments give them just before the job runs.</summary>
    public PromotionEvidence Fresh(PromotionEvidence evidence) =>
        evidence with { Approvals = evidence.Approvals.Select(a => a with { At = Time.GetUtcNow() }).ToList() };

    public KoraRun Kora(params string[] args)
    {
        Time.Advance(TimeSpan.FromMinutes(5));
        return Support.Kora.RunAt(Time, args);
    }

    /// <summary>The same, as if standard output were a terminal.</summary>
    public KoraRun KoraOnTerminal(params string[] args)
    {
        Time.Advance(TimeSpan.FromMinutes(5));
        return Support.Kora.OnTerminal(Time, args);
    }

    public string[] Anchor() => Published is { } head ? ["--expect-count", head.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--expect-hash", head.Hash] : [];

    public KoraRun Promote(PromotionEvidence evidence, string? rcVersion = null, string who = "release-bot") =>
        PromoteFile(Evidence(evidence, "evidence-" + Guid.NewGuid().ToString("N")), rcVersion, who);

    public KoraRun PromoteFile(string evidenceFile, string? rcVersion = null, string who = "release-bot")
    {
        string[] args = ["promote", "--evidence", evidenceFile, "--who", who, "--key-file", SigningKey, "--project-dir", Project, .. Anchor()];
        return Publish(rcVersion is null ? Kora(args) : Kora([.. args, "--rc-manifest", Manifest("staging", rcVersion)]));
    }

    public KoraRun Rollback(string stack, string who = "oncall-dana") =>
        Publish(Kora(["rollback", "--stack", stack, "--who", who, "--key-file", SigningKey, "--project-dir", Project, .. Anchor()]));

    /// <summary>
    /// <c>kora rotation &lt;verb&gt;</c> on a stack with the store's head, as the rotation workflow runs it:
    /// <c>record</c> signs with the signing key, <c>check</c> and <c>pending</c> verify with the public key.
    /// </summary>
    public KoraRun Rotation(string verb, string stack, params string[] extra) =>
        Publish(Kora(["rotation", verb, "--stack", stack, "--key-file", verb == "record" ? SigningKey : VerifyKey, "--project-dir", Project, .. Anchor(), .. extra]));

    public KoraRun VerifyPlan(string plan, string binding) =>
        Publish(Kora(["release", "verify-plan", "--stack", "prod", "--plan", plan, "--binding", binding, "--who", "release-bot", "--key-file", SigningKey, "--project-dir", Project, .. Anchor()]));

    public KoraRun Verify(params string[] extra) => Kora(["audit", "verify", "--project-dir", Project, "--key-file", VerifyKey, .. extra]);

    /// <summary>Deploys a main build of the commit to staging, as the main workflow does.</summary>
    public KoraRun Stage(string commit, params ImageReference[] images) =>
        Promote(Fresh(ReleaseFixtures.Staging() with { Commit = commit, Images = images }));

    /// <summary>Stages the artifact, then promotes it as an RC, as the main and RC workflows do.</summary>
    public KoraRun StageAndPromoteRc(string rc = "v1.4.0-rc.2", string? commit = null, params ImageReference[] images)
    {
        commit ??= ReleaseFixtures.Commit;
        images = images.Length == 0 ? [ReleaseFixtures.Api, ReleaseFixtures.Worker] : images;
        var staged = Stage(commit, images);
        Assert.True(staged.ExitCode == 0, staged.All);
        StoreRecords(rc, commit, images);
        return Promote(Fresh(ReleaseFixtures.Rc(rc) with { Commit = commit, Images = images }));
    }

    /// <summary>The GA evidence for an RC, approved now.</summary>
    public PromotionEvidence Ga(string ga = "v1.4.0", string rc = "v1.4.0-rc.2", params ImageReference[] images) =>
        Fresh(ReleaseFixtures.Prod(ga, rc) with { Commit = CommitOf(ga), Images = images.Length == 0 ? [ReleaseFixtures.Api, ReleaseFixtures.Worker] : images });

    /// <summary>Stages, promotes an RC and then its GA release, as the main, RC and GA workflows do.</summary>
    public void Release(string ga, string rc, params ImageReference[] images)
    {
        var rcRun = StageAndPromoteRc(rc, CommitOf(ga), images);
        Assert.True(rcRun.ExitCode == 0, rcRun.All);
        var gaRun = Promote(Ga(ga, rc, images), rc);
        Assert.True(gaRun.ExitCode == 0, gaRun.All);
    }

    /// <summary>
    /// Genuine passing records of every staging check, run now against the RC's artifact and
    /// signed with the pipeline's key, in the release store layout (where the gates look by default).
    /// </summary>
    public IReadOnlyList<string> StoreRecords(string rc, string commit, IReadOnlyList<ImageReference> images, IEnumerable<VerificationKind>? kinds = null)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        var written = new List<string>();
        foreach (var kind in kinds ?? Enum.GetValues<VerificationKind>())
        {
            // One fault-injection record per experiment staging runs, a second apart as runs are.
            IReadOnlyList<string?> experiments = kind == VerificationKind.FaultInjection ? [.. ReleaseFixtures.StagingExperiments] : [null];
            foreach (var (experiment, i) in experiments.Select((e, i) => (e, i)))
            {
                var record = ReleaseFixtures.Record(kind, rc, commit, images, Time.GetUtcNow().AddSeconds(i), experiment);
                var path = Path.Combine(Project, EvidenceStoreLayout.PathOf(record));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, EvidenceSigner.Sign(record, _key));
                written.Add(path);
            }
        }

        return written;
    }

    /// <summary>The audit log's last entry.</summary>
    public JsonNode LastEntry() => JsonNode.Parse(File.ReadAllLines(AuditLog)[^1])!;

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(Project, recursive: true);
        Directory.Delete(_keys, recursive: true);
    }

    private KoraRun Publish(KoraRun run)
    {
        // The pipeline publishes only a log kora appended to (one that verified against the store's head).
        var head = AuditLog + ".head.json";
        if (run.Output.Contains("audit entry ", StringComparison.Ordinal) && File.Exists(head))
        {
            var node = JsonNode.Parse(File.ReadAllText(head))!;
            Published = ((long)node["count"]!, (string)node["lastHash"]!);
        }

        return run;
    }
}
