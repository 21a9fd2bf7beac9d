using System.Text;
using System.Text.Json.Nodes;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.Platform.Verification;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands.Verification;

public sealed class EvidenceCommandTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();

    [Fact]
    public void A_genuine_record_verifies_with_its_binding_and_measurements()
    {
        var file = _ws.StoreRecords("v1.4.0-rc.2", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker], [VerificationKind.RestoreDrill])[0];

        var run = Verify(file, "--kind", "restore-drill", "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--image", ReleaseFixtures.Worker.ToString());

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("PASS  ", run.Output, StringComparison.Ordinal);
        Assert.Contains("rto = 412 s (max 3600)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_one_byte_changed_is_refused()
    {
        var file = _ws.StoreRecords("v1.4.0-rc.2", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker], [VerificationKind.Load])[0];
        Tamper(file);

        var run = Verify(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("REFUSED", run.Output, StringComparison.Ordinal);
        Assert.Contains("no signature verifies with the trusted release key", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--commit", "9999999999999999999999999999999999999999", "ran against commit")]
    [InlineData("--rc", "v1.4.0-rc.3", "ran against RC v1.4.0-rc.2, not v1.4.0-rc.3")]
    [InlineData("--kind", "soak", "a 'load' record, not the expected 'soak'")]
    [InlineData("--stack", "prod", "ran in stack 'staging', not 'prod'")]
    public void A_record_for_something_else_is_named_unbound(string option, string value, string expected)
    {
        var file = _ws.StoreRecords("v1.4.0-rc.2", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker], [VerificationKind.Load])[0];

        var run = Verify(file, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("UNBOUND", run.Output, StringComparison.Ordinal);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_or_a_missing_file_is_a_usage_error()
    {
        var file = _ws.StoreRecords("v1.4.0-rc.2", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker], [VerificationKind.Load])[0];

        var kind = Verify(file, "--kind", "stress");
        var missing = Verify(Path.Combine(_ws.Project, "nowhere.dsse.json"));

        Assert.Equal(2, kind.ExitCode);
        Assert.Contains("--kind 'stress' is not a check; expected one of restore-drill, fault-injection, load, soak, smoke-runtime", kind.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rc_promotion_refuses_a_tampered_record_in_the_store_naming_the_condition_and_file()
    {
        Assert.Equal(0, _ws.Stage(ReleaseFixtures.Commit, ReleaseFixtures.Api, ReleaseFixtures.Worker).ExitCode);
        var files = _ws.StoreRecords("v1.4.0-rc.2", ReleaseFixtures.Commit, [ReleaseFixtures.Api, ReleaseFixtures.Worker]);
        var soak = files.Single(f => Path.GetFileName(f).StartsWith("soak-", StringComparison.Ordinal));
        Tamper(soak);

        var run = _ws.Promote(_ws.Fresh(ReleaseFixtures.Rc()));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED: 1 of 18 conditions not met: soak-approved", run.Output, StringComparison.Ordinal);
        Assert.Contains($"'{Path.GetFileName(soak)}' was refused: no signature verifies", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.Manifest("staging", "v1.4.0-rc.2")));
    }

    [Fact]
    public void The_rc_gate_refuses_records_older_than_the_rc_from_a_given_directory()
    {
        var early = Directory.CreateTempSubdirectory("kora-records-").FullName;
        try
        {
            foreach (var kind in new[] { VerificationKind.Load, VerificationKind.Soak, VerificationKind.FaultInjection })
            {
                var record = ReleaseFixtures.Record(kind, startedAt: _ws.Time.GetUtcNow().AddHours(-1));
                File.WriteAllText(Path.Combine(early, VerificationNames.Of(kind) + ".dsse.json"), EvidenceSigner.Sign(record, _ws.Key));
            }

            Assert.Equal(0, _ws.Stage(ReleaseFixtures.Commit, ReleaseFixtures.Api, ReleaseFixtures.Worker).ExitCode);

            var run = _ws.Kora(["gate", "check", "--evidence", _ws.Evidence(_ws.Fresh(ReleaseFixtures.Rc()), "rc"), "--records", early, "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project, .. _ws.Anchor()]);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("3 of 18 conditions not met: load-approved, soak-approved, fault-injection-approved", run.Output, StringComparison.Ordinal);
            Assert.Contains("older than the RC: its artifact reached staging at", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(early, recursive: true);
        }
    }

    [Fact]
    public void A_restore_drill_with_an_rto_target_beyond_the_p0_sla_is_refused_before_anything_runs()
    {
        var run = _ws.Kora("drill", "restore", "--wal-archive", _ws.Project, "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--rto-minutes", "90", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("RTO target 90 min is beyond the P0 recovery SLA (restaurar servico principal <= 60 min)", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")));
    }

    public void Dispose() => _ws.Dispose();

    private static void Tamper(string file)
    {
        var envelope = JsonNode.Parse(File.ReadAllText(file))!;
        var body = Encoding.UTF8.GetString(Convert.FromBase64String((string)envelope["payload"]!));
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body.Replace("\"passed\": true", "\"passed\": false", StringComparison.Ordinal).Replace("\"value\": 180", "\"value\": 181", StringComparison.Ordinal)));
        File.WriteAllText(file, envelope.ToJsonString());
    }

    private KoraRun Verify(string file, params string[] extra) =>
        _ws.Kora(["evidence", "verify", file, "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project, .. extra]);
}
