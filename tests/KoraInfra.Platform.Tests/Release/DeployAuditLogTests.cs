using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Release;

public sealed class DeployAuditLogTests : IDisposable
{
    private readonly AuditLogFixture _audit = new("kora-audit-");

    public void Dispose() => _audit.Dispose();

    [Fact]
    public void Appended_entries_are_chained_and_verify()
    {
        var log = _audit.LogWith(3, withManifest: true);

        var verification = log.Verify();

        Assert.True(verification.IsIntact, string.Join(Environment.NewLine, verification.Problems));
        Assert.Equal([1L, 2L, 3L], verification.Entries.Select(e => e.Sequence));
        Assert.Equal(AuditHead.Genesis, verification.Entries[0].Previous);
        Assert.Equal(verification.Entries[0].Hash, verification.Entries[1].Previous);
        Assert.Equal(verification.Entries[1].Hash, verification.Entries[2].Previous);
        Assert.Equal(ReleaseFixtures.Now.AddMinutes(2), verification.Entries[2].At);
    }

    [Fact]
    public void Each_entry_records_who_when_commit_images_stack_result_and_rollback_of()
    {
        var log = _audit.LogWith(1, withManifest: true);
        log.Append(AuditLogFixture.Entry("v1.3.0", withManifest: true) with { Action = DeployAction.Rollback, RollbackOf = "v1.4.0" });

        var line = JsonNode.Parse(File.ReadAllLines(log.Path)[1])!.AsObject();

        Assert.Equal(
            ["sequence", "at", "who", "stack", "action", "release", "commit", "images", "result", "failedConditions", "rollbackOf", "manifest", "manifestSha256", "previous", "hash", "signature"],
            line.Select(p => p.Key));
        Assert.Equal("rollback", (string?)line["action"]);
        Assert.Equal("v1.4.0", (string?)line["rollbackOf"]);
        Assert.Equal("admitted", (string?)line["result"]);
    }

    [Fact]
    public void An_edited_entry_is_detected()
    {
        var log = _audit.LogWith(3, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines[1] = lines[1].Replace("\"who\":\"pipeline\"", "\"who\":\"mallory\"", StringComparison.Ordinal));

        Assert.Contains(log.Verify().Problems, p => p.StartsWith("line 2 (entry 2): its content does not match its hash: the entry was edited", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edited_entry_with_a_recomputed_hash_breaks_the_next_link()
    {
        var log = _audit.LogWith(3, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines[1] = Reseal(lines[1], n => n["who"] = "mallory"));

        var problems = log.Verify().Problems;

        Assert.Contains(problems, p => p.StartsWith("line 3 (entry 3): does not follow the entry before it", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("does not match its hash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resealed_last_entry_is_caught_by_the_head()
    {
        var log = _audit.LogWith(3, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines[2] = Reseal(lines[2], n => n["result"] = "refused"));

        var problems = log.Verify().Problems;
        Assert.Contains(problems, p => p.Contains("the last entry was replaced", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 3 (entry 3): its signature does not verify with the release key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deleted_entry_is_detected()
    {
        var log = _audit.LogWith(4, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines.RemoveAt(1));

        var problems = log.Verify().Problems;

        Assert.Contains(problems, p => p.StartsWith("line 2: holds entry 3, expected entry 2: entries were deleted or reordered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the log was truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Reordered_entries_are_detected()
    {
        var log = _audit.LogWith(3, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => (lines[0], lines[1]) = (lines[1], lines[0]));

        var problems = log.Verify().Problems;

        Assert.Contains(problems, p => p.StartsWith("line 1: holds entry 2, expected entry 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 1 (entry 2): does not follow the entry before it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_tail_is_detected_by_the_head_file()
    {
        var log = _audit.LogWith(3, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines.RemoveAt(2));

        Assert.Equal(["the head file audit.jsonl.head.json records 3 entries but the log holds 2: the log was truncated"], log.Verify().Problems);
    }

    [Fact]
    public void A_truncated_tail_with_a_rewritten_head_is_detected_by_the_published_anchor()
    {
        var log = _audit.LogWith(3, withManifest: true);
        var anchor = log.Verify().Head;
        _wormCopy = log.Verify();
        AuditLogFixture.Rewrite(log, lines => lines.RemoveAt(2));
        var kept = log.Verify().Entries[^1];
        File.WriteAllText(log.HeadPath, ReleaseJson.Write(new AuditHead(2, kept.Hash)));

        Assert.True(log.Verify().IsIntact);
        Assert.Equal(["the expected anchor names 3 entries but the log holds 2: the log was truncated"], log.Verify(anchor).Problems);
        Assert.Equal(["the WORM copy worm.jsonl holds 3 entries but the log holds 2: the log was truncated"], WormCopyCheck.Problems(log.Verify(), _wormCopy!, "worm.jsonl"));
    }

    [Fact]
    public void A_log_rewritten_from_scratch_does_not_carry_the_published_anchor()
    {
        var log = _audit.LogWith(2, withManifest: true);
        var anchor = log.Verify().Head;
        File.Delete(log.Path);
        File.Delete(log.HeadPath);
        log.Append(AuditLogFixture.Entry("v9.9.9", withManifest: true));
        log.Append(AuditLogFixture.Entry("v9.9.9", withManifest: true));

        Assert.Contains(log.Verify(anchor).Problems, p => p.Contains("does not carry the expected anchor hash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deleted_head_file_is_detected()
    {
        var log = _audit.LogWith(1, withManifest: true);
        File.Delete(log.HeadPath);

        Assert.Contains(log.Verify().Problems, p => p.Contains("the head was deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_is_appended_to_a_tampered_log()
    {
        var log = _audit.LogWith(2, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines[0] = lines[0].Replace("\"stack\":\"prod\"", "\"stack\":\"staging\"", StringComparison.Ordinal));
        var before = File.ReadAllText(log.Path);

        var ex = Assert.Throws<ReleaseDocumentException>(() => log.Append(AuditLogFixture.Entry("v1.5.0", withManifest: true)));

        Assert.Contains("failed verification; nothing was appended", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(log.Path));
    }

    [Fact]
    public void A_line_that_is_not_json_is_reported_by_number()
    {
        var log = _audit.LogWith(2, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines[1] = "{broken");

        Assert.Contains(log.Verify().Problems, p => p.StartsWith("line 2: not a readable entry", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_log_without_a_head_is_intact() =>
        Assert.True(new DeployAuditLog(Path.Combine(_audit.Dir, "none.jsonl"), _audit.Time, _audit.Key).Verify().IsIntact);

    [Fact]
    public void A_log_rewritten_together_with_its_head_without_the_key_is_detected()
    {
        var log = _audit.LogWith(2, withManifest: true);

        // The attacker appends a well-formed entry, chained and hashed like kora's, and rewrites
        // the head to match: only the signature, which needs the release key, is missing.
        var forged = JsonNode.Parse(File.ReadAllLines(log.Path)[1])!.AsObject();
        forged["sequence"] = 3;
        forged["release"] = "v9.0.0";
        forged["previous"] = (string?)forged["hash"];
        var line = Reseal(forged.ToJsonString(), _ => { });
        File.AppendAllText(log.Path, line + "\n");
        File.WriteAllText(log.HeadPath, ReleaseJson.Write(new AuditHead(3, (string)JsonNode.Parse(line)!["hash"]!)));

        var problems = log.Verify().Problems;

        Assert.Equal(["line 3 (entry 3): its signature does not verify with the release key (key id " + ReleaseSigningKeyId() + "…): the entry was written or rewritten without the key"], problems);
    }

    [Fact]
    public void A_log_written_with_another_key_is_detected_and_a_genuine_one_passes()
    {
        var genuine = _audit.LogWith(2, withManifest: true);
        using var other = ReleaseFixtures.NewKey();
        var foreign = new DeployAuditLog(Path.Combine(_audit.Dir, "foreign.jsonl"), _audit.Time, other);
        foreign.Append(AuditLogFixture.Entry("v1.0.0", withManifest: true));

        Assert.True(genuine.Verify().IsIntact);
        Assert.Contains(new DeployAuditLog(foreign.Path, _audit.Time, _audit.Key).Verify().Problems, p => p.Contains("its signature does not verify with the release key", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unsigned_entry_is_reported_as_written_without_the_key()
    {
        var log = _audit.LogWith(1, withManifest: true);
        AuditLogFixture.Rewrite(log, lines => lines[0] = Reseal(lines[0], n => n.Remove("signature")));
        File.WriteAllText(log.HeadPath, ReleaseJson.Write(new AuditHead(1, (string)JsonNode.Parse(File.ReadAllLines(log.Path)[0])!["hash"]!)));

        Assert.Equal(["line 1 (entry 1): the entry is not signed: it was written without the release key"], log.Verify().Problems);
    }

    [Fact]
    public void A_log_rewritten_after_its_worm_copy_no_longer_extends_it()
    {
        var log = _audit.LogWith(2, withManifest: true);
        var copy = log.Verify();
        File.Delete(log.Path);
        File.Delete(log.HeadPath);
        log.Append(AuditLogFixture.Entry("v7.0.0", withManifest: true));
        log.Append(AuditLogFixture.Entry("v7.1.0", withManifest: true));
        log.Append(AuditLogFixture.Entry("v7.2.0", withManifest: true));

        var problem = Assert.Single(WormCopyCheck.Problems(log.Verify(), copy, "deploy-audit-2.jsonl"));

        Assert.StartsWith("entry 1 differs from the WORM copy deploy-audit-2.jsonl", problem, StringComparison.Ordinal);
        Assert.Empty(WormCopyCheck.Problems(log.Verify(), log.Verify(), "same"));
    }

    private AuditVerification? _wormCopy;

    private string ReleaseSigningKeyId() => KoraInfra.Platform.Release.Signing.ReleaseSigningKey.KeyId(_audit.Key)[..16];

    private static string Reseal(string line, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(line)!.AsObject();
        change(node);
        node.Remove("hash");
        var signature = node["signature"]?.DeepClone();
        node.Remove("signature");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())));
        node["hash"] = digest;
        if (signature is not null)
        {
            // Without the key the attacker can only keep the old signature.
            node["signature"] = signature;
        }

        return node.ToJsonString();
    }

}
