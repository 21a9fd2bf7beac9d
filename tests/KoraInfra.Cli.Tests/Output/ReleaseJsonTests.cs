using System.Text.Json;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Output;

public sealed class ReleaseJsonTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Gate_check_passing_lists_every_condition_met()
    {
        var run = _ws.Kora("gate", "check", "--json", "--evidence", _ws.Evidence(ReleaseFixtures.Staging(), "staging"), "--project-dir", _ws.Project);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.All);
        var json = JsonDocumentOf.Parse(run);
        Assert.Equal("deploy-staging", json.GetProperty("gate").GetString());
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Equal(10, json.GetProperty("conditions").GetArrayLength());
        Assert.All(json.GetProperty("conditions").EnumerateArray(), c => Assert.True(c.GetProperty("met").GetBoolean()));
        Assert.All(json.GetProperty("conditions").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("missing").ValueKind));
        Assert.Equal(0, json.GetProperty("failures").GetArrayLength());
        Assert.Equal(0, json.GetProperty("auditLogProblems").GetArrayLength());
    }

    [Fact]
    public void Gate_check_failing_names_each_failed_condition_and_what_is_missing()
    {
        var evidence = ReleaseFixtures.Rc() with { Approvals = [], OpenCriticalFindings = ["SEC-9"] };

        var run = _ws.Kora("gate", "check", "--json", "--evidence", _ws.Evidence(evidence, "rc"), "--project-dir", _ws.Project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.Equal("promote-rc", json.GetProperty("gate").GetString());
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal(18, json.GetProperty("conditions").GetArrayLength());
        Assert.Equal(
            ["load-approved", "soak-approved", "fault-injection-approved", "approval.qa", "approval.architect", "approval.devops", "no-open-critical-finding", "ran-in-staging"],
            JsonDocumentOf.Strings(json.GetProperty("failures")));
        var finding = json.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "no-open-critical-finding");
        Assert.False(finding.GetProperty("met").GetBoolean());
        Assert.Equal("closure of the open critical finding(s) SEC-9", finding.GetProperty("missing").GetString());
    }

    [Fact]
    public void Gate_check_with_a_tampered_audit_log_reports_the_log_and_judges_nothing()
    {
        Tamper();

        var run = _ws.Kora("gate", "check", "--json", "--evidence", _ws.Evidence(_ws.Ga(), "prod"), "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal(0, json.GetProperty("conditions").GetArrayLength());
        Assert.NotEqual(0, json.GetProperty("auditLogProblems").GetArrayLength());
    }

    [Fact]
    public void Audit_verify_intact_gives_the_count_and_head_of_the_log()
    {
        Assert.True(_ws.StageAndPromoteRc().ExitCode == 0);

        var run = _ws.Verify("--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.All);
        var json = JsonDocumentOf.Parse(run);
        Assert.True(json.GetProperty("intact").GetBoolean());
        var log = json.GetProperty("logs").EnumerateArray().Single(l => l.GetProperty("log").GetString() == "deploy-audit.jsonl");
        Assert.True(log.GetProperty("intact").GetBoolean());
        Assert.Equal(File.ReadAllLines(_ws.AuditLog).Length, log.GetProperty("entries").GetInt64());
        Assert.Equal((string?)_ws.LastEntry()["hash"], log.GetProperty("headHash").GetString());
        Assert.Equal(0, log.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Audit_verify_tampered_names_each_problem()
    {
        Tamper();

        var run = _ws.Verify("--json");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.False(json.GetProperty("intact").GetBoolean());
        var log = json.GetProperty("logs")[0];
        Assert.False(log.GetProperty("intact").GetBoolean());
        Assert.Contains(JsonDocumentOf.Strings(log.GetProperty("problems")), p => p.Contains("line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_verify_of_a_missing_log_writes_no_json_and_exits_two()
    {
        var run = _ws.Kora("audit", "verify", "--json", "--audit-log", Path.Combine(_ws.Project, "nowhere.jsonl"), "--key-file", _ws.VerifyKey);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("no deploy audit log", run.Error, StringComparison.Ordinal);
    }

    // A promoted RC, then its first entry edited: the hash chain no longer holds.
    private void Tamper()
    {
        Assert.True(_ws.StageAndPromoteRc().ExitCode == 0);
        var lines = File.ReadAllLines(_ws.AuditLog);
        lines[0] = lines[0].Replace("\"release-bot\"", "\"mallory\"", StringComparison.Ordinal);
        File.WriteAllText(_ws.AuditLog, string.Concat(lines.Select(l => l + "\n")));
    }
}
