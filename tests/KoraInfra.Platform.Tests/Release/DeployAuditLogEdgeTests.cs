using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Tests.Release;

/// <summary>
/// The checks of a log's verification one at a time, with the exact message for each: an empty
/// line, an unreadable line and the link after it, a duplicated entry, the head file (missing,
/// unreadable, rolled back, last hash replaced), the published anchor and a WORM copy read
/// without its head file.
/// </summary>
public sealed class DeployAuditLogEdgeTests : IDisposable
{
    private readonly AuditLogFixture _audit = new("kora-audit-");

    public void Dispose() => _audit.Dispose();

    [Fact]
    public void An_empty_line_is_named_and_the_entries_around_it_still_chain()
    {
        var log = _audit.LogWith(2, withManifest: false);
        AuditLogFixture.Rewrite(log, lines => lines.Insert(1, string.Empty));

        var verification = log.Verify();

        Assert.Equal(
            [
                "line 2: empty line; the log holds one JSON entry per line",
                "line 3: holds entry 2, expected entry 3: entries were reordered or duplicated",
                "the head file audit.jsonl.head.json records 2 entries but the log holds 3: entries were added outside kora, or the head was rolled back",
            ],
            verification.Problems);
        Assert.Equal([1L, 2L], verification.Entries.Select(e => e.Sequence));
        Assert.Equal(3, verification.Head.Count);
        Assert.Equal(verification.Entries[1].Hash, verification.Head.LastHash);
    }

    [Fact]
    public void An_unreadable_line_is_named_with_the_reader_s_reason_and_the_next_link_is_not_judged()
    {
        var log = _audit.LogWith(3, withManifest: false);
        AuditLogFixture.Rewrite(log, lines => lines[1] = "{\"sequence\":\"two\"}");

        var verification = log.Verify();

        Assert.Equal(2, verification.Entries.Count);
        Assert.Equal(
            "line 2: not a readable entry (The JSON value could not be converted to System.Int64.): the line was edited",
            Assert.Single(verification.Problems, p => p.StartsWith("line 2", StringComparison.Ordinal)));
        Assert.DoesNotContain(verification.Problems, p => p.StartsWith("line 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_holding_json_null_is_unreadable()
    {
        var log = _audit.LogWith(1, withManifest: false);
        AuditLogFixture.Rewrite(log, lines => lines[0] = "null");

        Assert.Equal("line 1: not a readable entry (null): the line was edited", log.Verify().Problems[0]);
    }

    [Fact]
    public void A_line_past_the_input_limits_is_unreadable_naming_the_limit()
    {
        var log = _audit.LogWith(1, withManifest: false);
        AuditLogFixture.Rewrite(log, lines => lines[0] = "{\"a\":1,\"a\":2}");

        var problem = log.Verify().Problems[0];

        Assert.StartsWith("line 1: not a readable entry (line 1", problem, StringComparison.Ordinal);
        Assert.Contains("the key 'a' twice in one object", problem, StringComparison.Ordinal);
        Assert.EndsWith("): the line was edited", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_entry_is_named_as_reordered_or_duplicated_and_as_not_following_the_one_before()
    {
        var log = _audit.LogWith(2, withManifest: false);
        AuditLogFixture.Rewrite(log, lines => lines.Add(lines[1]));

        var problems = log.Verify().Problems;

        Assert.Contains("line 3: holds entry 2, expected entry 3: entries were reordered or duplicated", problems);
        Assert.Contains("line 3 (entry 2): does not follow the entry before it (previous hash differs): an entry was deleted, reordered or rewritten", problems);
    }

    [Fact]
    public void A_head_file_that_is_not_a_head_is_named_as_edited()
    {
        var log = _audit.LogWith(1, withManifest: false);
        File.WriteAllText(log.HeadPath, "{\"count\":1}");

        var problems = log.Verify().Problems;

        // An unreadable head counts as the empty head, so the log's entries are also named as unaccounted for.
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("audit.jsonl.head.json (line 1, $): ", problems[0], StringComparison.Ordinal);
        Assert.EndsWith(": the head file was edited", problems[0], StringComparison.Ordinal);
        Assert.Equal("the head file audit.jsonl.head.json records 0 entries but the log holds 1: entries were added outside kora, or the head was rolled back", problems[1]);
    }

    [Fact]
    public void A_head_with_another_last_hash_names_both_hashes_shortened()
    {
        var log = _audit.LogWith(2, withManifest: false);
        var actual = log.Verify().Head.LastHash;
        File.WriteAllText(log.HeadPath, ReleaseJson.Write(new AuditHead(2, "abc")));

        Assert.Equal([$"the head file audit.jsonl.head.json records last hash abc… but the log ends with {actual[..16]}…: the last entry was replaced"], log.Verify().Problems);

        File.WriteAllText(log.HeadPath, ReleaseJson.Write(new AuditHead(2, new string('f', 64))));
        Assert.Equal([$"the head file audit.jsonl.head.json records last hash ffffffffffffffff… but the log ends with {actual[..16]}…: the last entry was replaced"], log.Verify().Problems);
    }

    [Fact]
    public void A_missing_head_is_named_only_when_the_log_holds_entries()
    {
        var log = _audit.LogWith(2, withManifest: false);
        File.Delete(log.HeadPath);

        Assert.Equal(["the head file audit.jsonl.head.json is missing while the log holds 2 entries: the head was deleted (truncation could go unseen)"], log.Verify().Problems);

        File.WriteAllText(log.Path, string.Empty);
        Assert.Empty(log.Verify().Problems);
        Assert.Equal(AuditHead.Empty, log.Verify().Head);
    }

    [Fact]
    public void A_copy_read_without_its_head_file_is_not_asked_for_one()
    {
        var log = _audit.LogWith(2, withManifest: false);
        File.Delete(log.HeadPath);

        Assert.Empty(log.Verify(withHeadFile: false).Problems);
        Assert.NotEmpty(log.Verify().Problems);
    }

    [Fact]
    public void The_anchor_is_met_at_its_position_with_its_hash_and_an_empty_anchor_always_is()
    {
        var log = _audit.LogWith(3, withManifest: false);
        var second = log.Verify().Entries[1];

        Assert.Empty(log.Verify(new AuditHead(2, second.Hash)).Problems);
        Assert.Empty(log.Verify(new AuditHead(3, log.Verify().Head.LastHash)).Problems);
        Assert.Empty(log.Verify(AuditHead.Empty).Problems);
        Assert.Equal(
            [$"entry 2 does not carry the expected anchor hash {new string('d', 16)}…: the log was rewritten"],
            log.Verify(new AuditHead(2, new string('d', 64))).Problems);
        Assert.Equal(
            ["the expected anchor names 4 entries but the log holds 3: the log was truncated"],
            log.Verify(new AuditHead(4, second.Hash)).Problems);
    }

    [Fact]
    public void An_anchor_past_the_readable_entries_is_not_carried_when_a_line_became_unreadable()
    {
        var log = _audit.LogWith(3, withManifest: false);
        var anchor = log.Verify().Head;
        AuditLogFixture.Rewrite(log, lines => lines[1] = "{broken");

        var problems = log.Verify(anchor, withHeadFile: false).Problems;

        Assert.Contains($"entry 3 does not carry the expected anchor hash {anchor.LastHash[..16]}…: the log was rewritten", problems);
    }

}
