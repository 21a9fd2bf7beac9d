using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands;

/// <summary>
/// The promotions the release plan forbids, tried through kora as an attacker would: each is
/// refused naming the failed condition, leaves the stack files and releases as they were, and is
/// recorded in the audit log.
/// </summary>
public sealed class ReleaseGovernanceCommandsTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void A_credential_reported_in_the_stack_file_blocks_ga_although_the_evidence_omits_it()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var prod = File.ReadAllText(_ws.StackFile("prod"));
        File.WriteAllText(_ws.StackFile("prod"), prod.Replace(
            "kora-infra:compromisedCredentials: []",
            "kora-infra:compromisedCredentials:\n    - name: alert-devops-pager-url\n      reportedAt: 2026-03-01T10:00:00Z",
            StringComparison.Ordinal));
        Assert.Equal(1, _ws.Kora("secrets", "--stack", "prod", "--project-dir", _ws.Project).ExitCode);

        AssertRefused(() => _ws.Promote(_ws.Ga() with { PendingCompromisedCredentials = [] }, "v1.4.0-rc.2"), "no-compromised-credential-pending", "'alert-devops-pager-url' (reported 2026-03-01 10:00:00Z)");
    }

    [Fact]
    public void An_emergency_request_without_a_rotation_record_after_the_report_still_blocks_ga()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var now = _ws.Time.GetUtcNow();
        var prod = File.ReadAllText(_ws.StackFile("prod"));
        var changed = prod
            .Replace("kora-infra:compromisedCredentials: []", $"kora-infra:compromisedCredentials:\n    - name: postgres-app-password\n      reportedAt: {now.AddHours(-2):yyyy-MM-ddTHH:mm:ssZ}", StringComparison.Ordinal)
            .Replace("kora-infra:emergencyRotations: []", $"kora-infra:emergencyRotations:\n    - name: postgres-app-password\n      requestedAt: {now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}", StringComparison.Ordinal);
        Assert.NotEqual(prod, changed);
        File.WriteAllText(_ws.StackFile("prod"), changed);

        // The stack file alone calls it rotated; the gate asks for the rotation's record.
        var plan = _ws.Kora("secrets", "--stack", "prod", "--project-dir", _ws.Project);
        Assert.True(plan.ExitCode == 0, plan.All);
        AssertRefused(() => _ws.Promote(_ws.Ga() with { PendingCompromisedCredentials = [] }, "v1.4.0-rc.2"), "no-compromised-credential-pending", "'postgres-app-password' (reported ");
    }

    [Fact]
    public void A_critical_finding_opened_after_the_rc_blocks_ga()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);

        AssertRefused(() => _ws.Promote(_ws.Ga() with { OpenCriticalFindings = ["SEC-12"] }, "v1.4.0-rc.2"), "no-open-critical-finding", "SEC-12");
    }

    [Fact]
    public void Ga_from_an_rc_a_newer_rc_replaced_is_refused()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        _ws.StoreRecords("v1.4.0-rc.3", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker]);
        Assert.Equal(0, _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc("v1.4.0-rc.3"))).ExitCode);

        AssertRefused(() => _ws.Promote(_ws.Ga(), "v1.4.0-rc.2"), "latest-stable-rc", "was replaced by v1.4.0-rc.3");
    }

    [Fact]
    public void Ga_from_an_rc_rolled_back_in_staging_is_refused()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var rollback = _ws.Rollback("staging");
        Assert.True(rollback.ExitCode == 0, rollback.All);

        AssertRefused(() => _ws.Promote(_ws.Ga(), "v1.4.0-rc.2"), "latest-stable-rc", "v1.4.0-rc.2 was rolled back in staging");
    }

    [Fact]
    public void Ga_from_an_rc_the_rc_gate_refused_is_refused()
    {
        Assert.Equal(0, _ws.Stage(ReleaseFixtures.Commit, ReleaseFixtures.Api, ReleaseFixtures.Worker).ExitCode);
        _ws.StoreRecords("v1.4.0-rc.2", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker]);
        Assert.Equal(1, _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc()) with { Scorecard = new Scorecard(false, ReleaseFixtures.Link("scorecard")) }).ExitCode);

        // Even with a manifest of that RC from elsewhere, signed with the key, the history says it was refused.
        AssertRefused(() => _ws.Promote(_ws.Ga(), null), "latest-stable-rc", "v1.4.0-rc.2 was refused (audit entry 2: failed rc-scorecard)");
    }

    [Fact]
    public void An_rc_of_an_artifact_that_never_ran_in_staging_is_refused()
    {
        AssertRefused(() => _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc())), "ran-in-staging", "never ran in staging", stack: "staging");
    }

    [Fact]
    public void An_rc_whose_images_are_not_those_staging_ran_is_refused()
    {
        Assert.Equal(0, _ws.Stage(ReleaseFixtures.Commit, ReleaseFixtures.Api, ReleaseFixtures.Worker).ExitCode);
        var rebuilt = ReleaseFixtures.Image("ghcr.io/koraos/worker", '7');

        AssertRefused(() => _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc()) with { Images = [ReleaseFixtures.Api, rebuilt] }), "ran-in-staging", $"'{rebuilt}' never ran in staging", stack: "staging");
    }

    [Fact]
    public void The_promoter_cannot_sign_a_go_no_go_role()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);

        AssertRefused(() => _ws.Promote(_ws.Ga(), "v1.4.0-rc.2", who: "dana"), "go-no-go.devops", "'dana' is the promoter");
    }

    [Fact]
    public void One_person_in_two_roles_of_a_gate_is_refused()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var ga = _ws.Ga();
        var doubled = ga with { Approvals = ga.Approvals.Select(a => a.Role == ApprovalRole.Pm ? a with { Who = "PAULA" } : a).ToList() };

        AssertRefused(() => _ws.Promote(doubled, "v1.4.0-rc.2"), "distinct-approvers", "'paula' signs as po and pm");
    }

    [Fact]
    public void Approvals_older_than_the_stack_window_or_from_before_the_rc_are_refused()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);

        // Approvals collected before the RC existed (the fixtures date them an hour before "now" at the start).
        AssertRefused(() => _ws.Promote(ReleaseFixtures.Prod(), "v1.4.0-rc.2"), "go-no-go.po", "before RC v1.4.0-rc.2 was admitted (audit entry 2)");
        _ws.Time.Advance(TimeSpan.FromHours(73));
        var stale = _ws.Ga() with { Approvals = _ws.Ga().Approvals.Select(a => a with { At = a.At.AddHours(-73) }).ToList() };
        AssertRefused(() => _ws.Promote(stale, "v1.4.0-rc.2"), "go-no-go.pm", "older than the 72 h approval window");
    }

    [Fact]
    public void A_main_build_cannot_take_an_rc_version()
    {
        var squat = _ws.Fresh(ReleaseFixtures.Staging()) with { Version = ReleaseVersion.TryParse("v1.4.0-rc.2") };

        AssertRefused(() => _ws.Promote(squat), "version-unclaimed", "'v1.4.0-rc.2' is claimed only by the 'promote-rc' gate", stack: "staging");
        Assert.False(File.Exists(_ws.Manifest("staging", "v1.4.0-rc.2")));
    }

    [Fact]
    public void A_file_squatting_a_version_does_not_stop_the_real_promotion()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        Directory.CreateDirectory(Path.GetDirectoryName(_ws.Manifest("prod", "v1.4.0"))!);
        File.WriteAllText(_ws.Manifest("prod", "v1.4.0"), "{\"squatted\": true}");

        var run = _ws.Promote(_ws.Ga(), "v1.4.0-rc.2");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("existed but no audit entry promoted it; it was replaced", run.Output, StringComparison.Ordinal);
        Assert.Equal((string?)_ws.LastEntry()["manifestSha256"], "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_ws.Manifest("prod", "v1.4.0")))));
    }

    [Fact]
    public void Malformed_evidence_is_refused_and_recorded()
    {
        var run = _ws.PromoteFile(_ws.EvidenceText("{\"gate\": \"deploy-prod\", \"ref\": 5}", "malformed"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("audit entry 1 records the attempt", run.Output, StringComparison.Ordinal);
        var entry = _ws.LastEntry();
        Assert.Equal("refused", (string?)entry["result"]);
        Assert.Equal("prod", (string?)entry["stack"]);
        Assert.Equal("evidence-well-formed", (string?)entry["failedConditions"]![0]);
        Assert.Equal(0, _ws.Verify().ExitCode);
    }

    [Fact]
    public void The_audit_log_location_is_not_a_flag_of_promote_or_rollback()
    {
        var promote = _ws.Kora("promote", "--evidence", _ws.Evidence(ReleaseFixtures.Staging(), "s"), "--who", "ci", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project, "--audit-log", "../elsewhere.jsonl");
        var rollback = _ws.Kora("rollback", "--stack", "prod", "--who", "ci", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project, "--audit-log", "../elsewhere.jsonl");

        Assert.Equal(2, promote.ExitCode);
        Assert.Equal(2, rollback.ExitCode);
        Assert.Contains("--audit-log", promote.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.AuditLog));
    }

    [Fact]
    public void A_log_rewritten_with_its_head_by_someone_without_the_key_is_detected_and_refused()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        var published = _ws.Published;

        // Rewrite the history: drop the GA promotion, then forge an entry recording a rollback, with
        // a recomputed hash chain and head. Only the release key could sign it.
        var lines = File.ReadAllLines(_ws.AuditLog).Take(2).ToList();
        var forged = JsonNode.Parse(lines[1])!.AsObject();
        forged["sequence"] = 3;
        forged["who"] = "mallory";
        forged["previous"] = (string?)forged["hash"];
        forged.Remove("hash");
        var signature = forged["signature"]!.DeepClone();
        forged.Remove("signature");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(forged.ToJsonString())));
        forged["hash"] = hash;
        forged["signature"] = signature;
        lines.Add(forged.ToJsonString());
        File.WriteAllText(_ws.AuditLog, string.Concat(lines.Select(l => l + "\n")));
        File.WriteAllText(_ws.AuditLog + ".head.json", $"{{\"count\": 3, \"lastHash\": \"{hash}\"}}");

        var verify = _ws.Verify();
        var rollback = _ws.Rollback("prod");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("TAMPERED  line 3 (entry 3): its signature does not verify with the release key", verify.Output, StringComparison.Ordinal);
        Assert.Contains("TAMPERED  entry 3 does not carry the expected anchor hash", _ws.Verify("--expect-count", published!.Value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--expect-hash", published.Value.Hash).Output, StringComparison.Ordinal);
        Assert.Equal(1, rollback.ExitCode);
        Assert.Contains("failed verification; nothing was rolled back or appended", rollback.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_cut_back_to_an_older_signed_state_fails_against_the_worm_copy_and_the_expected_head()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        var worm = Path.Combine(_ws.Project, "worm-copy.jsonl");
        File.Copy(_ws.AuditLog, worm);
        File.Copy(_ws.AuditLog + ".head.json", worm + ".head.json");
        Assert.Equal(0, _ws.Verify("--worm-copy", worm).ExitCode);

        // Every remaining entry is genuinely signed; only the copy in the store and its head show the cut.
        var lines = File.ReadAllLines(_ws.AuditLog).Take(2).ToList();
        File.WriteAllText(_ws.AuditLog, string.Concat(lines.Select(l => l + "\n")));
        File.WriteAllText(_ws.AuditLog + ".head.json", $"{{\"count\": 2, \"lastHash\": \"{(string)JsonNode.Parse(lines[1])!["hash"]!}\"}}");

        Assert.Equal(0, _ws.Verify().ExitCode);
        var against = _ws.Verify("--worm-copy", worm);
        Assert.Equal(1, against.ExitCode);
        Assert.Contains("holds 3 entries but the log holds 2: the log was truncated", against.Output, StringComparison.Ordinal);
        var promote = _ws.Promote(_ws.Ga("v1.4.1", "v1.4.1-rc.1"));
        Assert.Equal(1, promote.ExitCode);
        Assert.Contains("the expected anchor names 3 entries but the log holds 2", promote.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_refuses_a_log_with_entries_when_no_expected_head_is_given()
    {
        Assert.Equal(0, _ws.Stage(ReleaseFixtures.Commit, ReleaseFixtures.Api, ReleaseFixtures.Worker).ExitCode);
        _ws.Published = null;

        var run = _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc()));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no expected head: the log holds 1 entries", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.Manifest("staging", "v1.4.0-rc.2")));
    }

    [Fact]
    public void The_plan_binds_to_the_ga_manifest_and_only_that_plan_verifies()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        var plan = Path.Combine(_ws.Project, "plan.json");
        var binding = Path.Combine(_ws.Project, "plan.binding.dsse.json");
        File.WriteAllText(plan, "{\"manifest\": {\"time\": \"2026-03-02T15:00:00Z\"}, \"resourcePlans\": {}}");

        var bind = _ws.Kora("release", "bind-plan", "--stack", "prod", "--plan", plan, "--binding", binding, "--who", "release-bot", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project);
        var verified = _ws.VerifyPlan(plan, binding);
        var accepted = _ws.LastEntry();
        var files = Directory.GetFiles(_ws.Project, "Pulumi.*.yaml").ToDictionary(f => f, File.ReadAllText);
        File.AppendAllText(plan, " ");
        var changed = _ws.VerifyPlan(plan, binding);

        Assert.True(bind.ExitCode == 0, bind.All);
        Assert.Contains("to v1.4.0 on prod", bind.Output, StringComparison.Ordinal);
        Assert.True(verified.ExitCode == 0, verified.All);
        Assert.Equal("plan-check", (string?)accepted["action"]);
        Assert.Equal("admitted", (string?)accepted["result"]);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("the plan was changed or replaced after it was bound", changed.Output, StringComparison.Ordinal);
        var refused = _ws.LastEntry();
        Assert.Equal("plan-check", (string?)refused["action"]);
        Assert.Equal("refused", (string?)refused["result"]);
        Assert.Contains("the plan was changed or replaced", (string?)refused["reason"], StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(_ws.Project, "Pulumi.*.yaml").ToDictionary(f => f, File.ReadAllText));

        // A plan check changes no release: a rollback still returns to the release before.
        Assert.Equal(0, _ws.Verify().ExitCode);
    }

    [Fact]
    public void A_plan_bound_to_another_release_does_not_verify_after_a_rollback()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        _ws.Release("v1.5.0", "v1.5.0-rc.1", ReleaseFixtures.Image("ghcr.io/koraos/api", '5'), ReleaseFixtures.Worker);
        var plan = Path.Combine(_ws.Project, "plan.json");
        var binding = Path.Combine(_ws.Project, "plan.binding.dsse.json");
        File.WriteAllText(plan, "{}");
        Assert.Equal(0, _ws.Kora("release", "bind-plan", "--stack", "prod", "--plan", plan, "--binding", binding, "--who", "release-bot", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project).ExitCode);
        Assert.Equal(0, _ws.Rollback("prod").ExitCode);

        var run = _ws.VerifyPlan(plan, binding);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(v1.5.0), but the stack's release is", run.Output, StringComparison.Ordinal);
        Assert.Equal("v1.4.0", (string?)_ws.LastEntry()["release"]);
    }

    [Fact]
    public void Staging_rc_ga_and_rollback_pass_end_to_end_and_the_log_verifies_against_its_worm_copy()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        var worm = Path.Combine(_ws.Project, "worm-copy.jsonl");
        File.Copy(_ws.AuditLog, worm);
        _ws.Release("v1.5.0", "v1.5.0-rc.1", ReleaseFixtures.Image("ghcr.io/koraos/api", '5'), ReleaseFixtures.Worker);
        Assert.Equal(0, _ws.Rollback("prod").ExitCode);

        var verify = _ws.Verify(["--worm-copy", worm, .. _ws.Anchor()]);

        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.Contains("audit log intact: 7 entries", verify.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["deploy-staging", "promote-rc", "deploy-prod", "deploy-staging", "promote-rc", "deploy-prod", null],
            File.ReadAllLines(_ws.AuditLog).Select(l => (string?)JsonNode.Parse(l)!["gate"]));
    }

    private void AssertRefused(Func<KoraRun> attempt, string condition, string detail, string stack = "prod")
    {
        var files = Snapshot();
        var entries = File.Exists(_ws.AuditLog) ? File.ReadAllLines(_ws.AuditLog).Length : 0;

        var run = attempt();

        Assert.True(run.ExitCode == 1, run.All);
        var failure = Assert.Single(run.Output.Split('\n'), l => l.TrimStart().StartsWith($"FAIL  {condition}:", StringComparison.Ordinal));
        Assert.Contains(detail, failure, StringComparison.Ordinal);
        Assert.Equal(files, Snapshot());
        Assert.Equal(entries + 1, File.ReadAllLines(_ws.AuditLog).Length);
        var entry = _ws.LastEntry();
        Assert.Equal("refused", (string?)entry["result"]);
        Assert.Equal(stack, (string?)entry["stack"]);
        Assert.Contains(condition, entry["failedConditions"]!.AsArray().Select(c => (string?)c));
    }

    // Every stack file and release manifest, by content.
    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_ws.Project, "Pulumi.*.yaml")
            .Concat(Directory.Exists(Path.Combine(_ws.Project, "releases")) ? Directory.GetFiles(Path.Combine(_ws.Project, "releases"), "*", SearchOption.AllDirectories) : [])
            .ToDictionary(f => f, File.ReadAllText, StringComparer.Ordinal);
}
