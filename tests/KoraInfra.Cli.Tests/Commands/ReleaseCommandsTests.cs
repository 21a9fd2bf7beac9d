using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands;

public sealed class ReleaseCommandsTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Gate_check_passes_complete_evidence_and_changes_nothing()
    {
        var run = _ws.Kora("gate", "check", "--evidence", _ws.Evidence(ReleaseFixtures.Staging(), "staging"), "--project-dir", _ws.Project);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("gate deploy-staging PASSED (10 conditions met)", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.AuditLog));
    }

    [Fact]
    public void Gate_check_names_each_failed_condition_and_the_missing_evidence()
    {
        var evidence = ReleaseFixtures.Rc() with { Approvals = [], OpenCriticalFindings = ["SEC-9"] };

        var run = _ws.Kora("gate", "check", "--evidence", _ws.Evidence(evidence, "rc"), "--project-dir", _ws.Project);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("gate promote-rc FAILED: 8 of 18 conditions not met: load-approved, soak-approved, fault-injection-approved, approval.qa, approval.architect, approval.devops, no-open-critical-finding, ran-in-staging", run.Output, StringComparison.Ordinal);
        Assert.Contains("missing: a signed 'soak' evidence record bound to this release in releases/staging/evidence/v1.4.0-rc.2 (none found)", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  approval.architect: aprovacao: qa + architect + devops -- missing: an approval by role 'architect' (who and when)", run.Output, StringComparison.Ordinal);
        Assert.Contains("missing: closure of the open critical finding(s) SEC-9", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_check_reports_malformed_evidence_as_one_line_naming_where()
    {
        var path = _ws.Evidence(ReleaseFixtures.Staging(), "bad");
        File.WriteAllText(path, File.ReadAllText(path).Replace("ghcr.io/koraos/api@sha256:", "ghcr.io/koraos/api:latest#", StringComparison.Ordinal));

        var run = _ws.Kora("gate", "check", "--evidence", path, "--project-dir", _ws.Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected an image by digest", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.images[0]", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_signs_the_manifest_sets_the_release_and_audits()
    {
        var run = _ws.StageAndPromoteRc();

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(File.Exists(_ws.Manifest("staging", "v1.4.0-rc.2")));
        Assert.Contains("  kora-infra:release: releases/staging/v1.4.0-rc.2.dsse.json\n", File.ReadAllText(_ws.StackFile("staging")), StringComparison.Ordinal);
        Assert.Equal(0, _ws.Kora("validate", "--all", "--project-dir", _ws.Project).ExitCode);
        var entries = File.ReadAllLines(_ws.AuditLog).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["deploy-staging", "promote-rc"], entries.Select(e => (string?)e["gate"]));
        var entry = entries[^1];
        Assert.Equal("release-bot", (string?)entry["who"]);
        Assert.Equal("admitted", (string?)entry["result"]);
        Assert.Equal("staging", (string?)entry["stack"]);
        Assert.Equal(ReleaseFixtures.Commit, (string?)entry["commit"]);
        Assert.False(string.IsNullOrEmpty((string?)entry["signature"]));
    }

    [Fact]
    public void Prod_is_promoted_only_from_the_signed_approved_rc()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var check = _ws.Kora(["gate", "check", "--evidence", _ws.Evidence(_ws.Ga(), "prod"), "--rc-manifest", _ws.Manifest("staging", "v1.4.0-rc.2"), "--key-file", _ws.VerifyKey, "--who", "release-bot", "--project-dir", _ws.Project, .. _ws.Anchor()]);
        Assert.True(check.ExitCode == 0, check.All);

        var run = _ws.Promote(_ws.Ga(), "v1.4.0-rc.2");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("  kora-infra:release: releases/prod/v1.4.0.dsse.json\n", File.ReadAllText(_ws.StackFile("prod")), StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_from_a_branch_is_refused_audited_and_changes_nothing()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var prodFile = File.ReadAllText(_ws.StackFile("prod"));

        var run = _ws.Promote(_ws.Ga() with { Ref = "refs/heads/main" }, "v1.4.0-rc.2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  ga-tag", run.Output, StringComparison.Ordinal);
        Assert.Equal(prodFile, File.ReadAllText(_ws.StackFile("prod")));
        Assert.False(File.Exists(_ws.Manifest("prod", "v1.4.0")));
        var refusal = _ws.LastEntry();
        Assert.Equal("refused", (string?)refusal["result"]);
        Assert.Equal("ga-tag", (string?)refusal["failedConditions"]![0]);
    }

    [Fact]
    public void Prod_with_a_tampered_rc_manifest_is_refused()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var rc = _ws.Manifest("staging", "v1.4.0-rc.2");
        var envelope = JsonNode.Parse(File.ReadAllText(rc))!;
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["payload"]!));
        envelope["payload"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.Replace("\"quinn\"", "\"qa-nobody\"", StringComparison.Ordinal)));
        File.WriteAllText(rc, envelope.ToJsonString());

        var run = _ws.Promote(_ws.Ga(), "v1.4.0-rc.2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  from-approved-rc", run.Output, StringComparison.Ordinal);
        Assert.Contains("no signature verifies with the trusted release key", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_key_inside_the_repository_is_refused()
    {
        var inside = Path.Combine(_ws.Project, "release.pem");
        File.Copy(_ws.SigningKey, inside);

        var run = _ws.Kora("promote", "--evidence", _ws.Evidence(ReleaseFixtures.Rc(), "rc"), "--who", "ci", "--key-file", inside, "--project-dir", _ws.Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("inside the repository", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.AuditLog));
    }

    [Fact]
    public void A_release_is_promoted_once_and_a_second_attempt_is_a_recorded_refusal()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        var manifest = File.ReadAllText(_ws.Manifest("staging", "v1.4.0-rc.2"));

        var again = _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc()));

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("FAIL  version-unclaimed", again.Output, StringComparison.Ordinal);
        Assert.Contains("v1.4.0-rc.2 was already admitted to staging (audit entry 2)", again.Output, StringComparison.Ordinal);
        Assert.Equal(manifest, File.ReadAllText(_ws.Manifest("staging", "v1.4.0-rc.2")));
        Assert.Equal("version-unclaimed", (string?)_ws.LastEntry()["failedConditions"]![0]);
    }

    [Fact]
    public void Rollback_promotes_the_previous_stable_manifest_and_is_audited()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        _ws.Release("v1.5.0", "v1.5.0-rc.1", ReleaseFixtures.Image("ghcr.io/koraos/api", '5'), ReleaseFixtures.Worker);

        var run = _ws.Rollback("prod");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("rolled back prod from v1.5.0 to v1.4.0", run.Output, StringComparison.Ordinal);
        Assert.Contains("  kora-infra:release: releases/prod/v1.4.0.dsse.json\n", File.ReadAllText(_ws.StackFile("prod")), StringComparison.Ordinal);
        var entry = _ws.LastEntry();
        Assert.Equal("rollback", (string?)entry["action"]);
        Assert.Equal("v1.5.0", (string?)entry["rollbackOf"]);
        Assert.Equal("oncall-dana", (string?)entry["who"]);
        Assert.Equal(ReleaseFixtures.Api.ToString(), (string?)entry["images"]![0]);
        Assert.Equal(0, _ws.Verify().ExitCode);

        var beyond = _ws.Rollback("prod");
        Assert.Equal(1, beyond.ExitCode);
        Assert.Contains("no stable release of prod before v1.4.0", beyond.Output, StringComparison.Ordinal);
        Assert.Equal("refused", (string?)_ws.LastEntry()["result"]);
        Assert.Contains("  kora-infra:release: releases/prod/v1.4.0.dsse.json\n", File.ReadAllText(_ws.StackFile("prod")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rollback_refuses_a_manifest_file_swapped_since_its_promotion()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        _ws.Release("v1.5.0", "v1.5.0-rc.1", ReleaseFixtures.Api, ReleaseFixtures.Image("ghcr.io/koraos/worker", '6'));
        File.WriteAllText(_ws.Manifest("prod", "v1.4.0"), File.ReadAllText(_ws.Manifest("prod", "v1.5.0")));

        var run = _ws.Rollback("prod");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not the file promoted in audit entry", run.Output, StringComparison.Ordinal);
        Assert.Equal("refused", (string?)_ws.LastEntry()["result"]);
    }

    [Fact]
    public void Audit_verify_detects_tampering_and_accepts_the_published_anchor()
    {
        _ws.Release("v1.4.0", "v1.4.0-rc.2", ReleaseFixtures.Api, ReleaseFixtures.Worker);
        var intact = _ws.Verify("--audit-log", _ws.AuditLog);
        Assert.True(intact.ExitCode == 0, intact.All);
        var head = intact.Output.Trim().Split(' ')[^1];
        Assert.Equal(0, _ws.Verify("--audit-log", _ws.AuditLog, "--expect-count", "3", "--expect-hash", head).ExitCode);

        var lines = File.ReadAllLines(_ws.AuditLog);
        File.WriteAllText(_ws.AuditLog, lines[0] + "\n");
        var truncated = _ws.Verify("--audit-log", _ws.AuditLog);

        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains("TAMPERED  the head file deploy-audit.jsonl.head.json records 3 entries but the log holds 1: the log was truncated", truncated.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_refuses_to_build_on_a_tampered_audit_log()
    {
        Assert.Equal(0, _ws.StageAndPromoteRc().ExitCode);
        File.WriteAllText(_ws.AuditLog, File.ReadAllText(_ws.AuditLog).Replace("release-bot", "someone", StringComparison.Ordinal));

        var run = _ws.Promote(_ws.Ga(), "v1.4.0-rc.2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed verification; nothing was promoted or appended", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.Manifest("prod", "v1.4.0")));
    }

    [Fact]
    public void Audit_verify_without_a_log_is_a_usage_error()
    {
        var run = _ws.Verify("--audit-log", Path.Combine(_ws.Project, "missing.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no deploy audit log", run.Error, StringComparison.Ordinal);
    }
}
