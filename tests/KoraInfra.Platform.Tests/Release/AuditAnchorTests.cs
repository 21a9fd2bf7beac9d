using System.Security.Cryptography;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// What anchors a log besides its head: a WORM copy (which must itself verify and be extended,
/// not rewritten), the key an entry is signed with (never one that can only verify), and a
/// manifest issued only for what its own gate admitted.
/// </summary>
public sealed class AuditAnchorTests : IDisposable
{
    private readonly AuditLogFixture _audit = new("kora-anchor-");

    public void Dispose() => _audit.Dispose();

    [Fact]
    public void A_copy_that_fails_its_own_verification_cannot_anchor_the_log_and_says_why()
    {
        var log = _audit.Log("audit.jsonl", withManifest: false, "v1.0.0").Verify();
        var broken = new AuditVerification(log.Entries, ["line 1: edited", "line 2: deleted"], log.Head);

        Assert.Equal(["the WORM copy worm.jsonl itself fails verification (line 1: edited; line 2: deleted): it cannot anchor the log"], WormCopyCheck.Problems(log, broken, "worm.jsonl"));
    }

    [Fact]
    public void A_log_that_extends_its_copy_is_anchored_and_one_as_long_as_it_too()
    {
        var log = _audit.Log("audit.jsonl", withManifest: false, "v1.0.0", "v1.1.0");
        var copy = log.Verify();
        log.Append(AuditLogFixture.Entry("v1.2.0", withManifest: false));

        Assert.Empty(WormCopyCheck.Problems(log.Verify(), copy, "worm.jsonl"));
        Assert.Empty(WormCopyCheck.Problems(copy, copy, "worm.jsonl"));
    }

    [Fact]
    public void A_rewritten_entry_is_named_with_both_hashes_shortened()
    {
        var original = _audit.Log("a.jsonl", withManifest: false, "v1.0.0", "v1.1.0").Verify();
        var rewritten = original with { Entries = [original.Entries[0], original.Entries[1] with { Hash = new string('9', 64) }, original.Entries[1]] };

        var problem = Assert.Single(WormCopyCheck.Problems(rewritten, original, "worm.jsonl"));

        Assert.Equal($"entry 2 differs from the WORM copy worm.jsonl (hash 9999999999999999… instead of {original.Entries[1].Hash[..16]}…): the log was rewritten", problem);
    }

    [Fact]
    public void A_key_that_can_only_verify_appends_nothing_and_says_which_key_is_needed()
    {
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(_audit.Key.ExportSubjectPublicKeyInfo(), out _);
        var log = new DeployAuditLog(Path.Combine(_audit.Dir, "audit.jsonl"), _audit.Time, publicOnly);

        var ex = Assert.Throws<ReleaseKeyException>(() => log.Append(AuditLogFixture.Entry("v1.0.0", withManifest: false)));

        Assert.Equal("the deploy audit log is appended only with the release signing key (a private key); the key given can only verify", ex.Message);
        Assert.False(File.Exists(log.Path));
    }

    [Fact]
    public void An_appended_entry_is_numbered_timed_and_chained_and_the_head_follows_it()
    {
        var log = _audit.Log("audit.jsonl", withManifest: false, "v1.0.0");
        var first = log.Verify().Entries[0];

        var second = log.Append(AuditLogFixture.Entry("v1.1.0", withManifest: false));

        Assert.Equal(2, second.Sequence);
        Assert.Equal(_audit.Time.GetUtcNow(), second.At);
        Assert.Equal(first.Hash, second.Previous);
        Assert.Matches("^[0-9a-f]{64}$", second.Hash);
        Assert.Equal(new AuditHead(2, second.Hash), ReleaseJson.Read<AuditHead>(File.ReadAllText(log.HeadPath), "head"));
        Assert.False(File.Exists(log.HeadPath + ".tmp"));
        Assert.Equal(log.Path + ".head.json", log.HeadPath);
    }

    [Fact]
    public void A_manifest_is_issued_only_for_evidence_its_own_gate_admitted()
    {
        var rc = ReleaseFixtures.Rc();
        var admitted = RcPromotionGate.Evaluate(rc, ReleaseFixtures.Context());
        Assert.True(admitted.Passed, string.Join("; ", admitted.Failures.Select(f => f.Missing)));
        var refused = RcPromotionGate.Evaluate(rc with { Scorecard = null }, ReleaseFixtures.Context());

        const string Expected = "a manifest is issued only for evidence its own gate admitted";
        Assert.Equal(Expected, Assert.Throws<InvalidOperationException>(() => Gatekeeper.ManifestFor(rc, refused, ReleaseFixtures.Now)).Message);
        Assert.Equal(Expected, Assert.Throws<InvalidOperationException>(() => Gatekeeper.ManifestFor(rc, admitted with { Gate = PromotionGate.DeployStaging }, ReleaseFixtures.Now)).Message);

        var manifest = Gatekeeper.ManifestFor(rc, admitted, ReleaseFixtures.Now);
        Assert.Equal(("staging", PromotionGate.PromoteRc, "v1.4.0-rc.2", ReleaseFixtures.Commit, ReleaseFixtures.Now), (manifest.Stack, manifest.Gate, manifest.Version?.ToString(), manifest.Commit, manifest.IssuedAt));
        Assert.Equal(rc.Images, manifest.Images);
        Assert.Equal(rc.Approvals, manifest.Approvals);
        Assert.Equal(rc.Scorecard, manifest.Scorecard);
        Assert.Equal(rc.RtmP0, manifest.RtmP0);
        Assert.Equal(rc.Evidence, manifest.Evidence);
    }
}
