using System.Globalization;
using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestCases;

namespace KoraInfra.Cli.Tests.Commands.Verification;

public sealed class FromK6CommandTests : IDisposable
{
    private readonly ReleaseWorkspace _ws = new();
    private readonly string _scratch = Directory.CreateTempSubdirectory("kora-k6-").FullName;

    [Fact]
    public void A_load_summary_within_the_staging_profile_becomes_a_signed_record_the_verifier_accepts()
    {
        var run = FromK6("load", K6Summaries.Export());

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("PASS  load (k6): signed record releases/staging/evidence/v1.4.0-rc.2/load-", run.Output, StringComparison.Ordinal);
        Assert.Contains("http_req_duration_p95 = 212.48 ms (max 500)", run.Output, StringComparison.Ordinal);
        var record = Assert.Single(Directory.GetFiles(Path.Combine(_ws.Project, "releases", "staging", "evidence", "v1.4.0-rc.2")));
        var verify = _ws.Kora("evidence", "verify", record, "--kind", "load", "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--key-file", _ws.VerifyKey, "--project-dir", _ws.Project);
        Assert.True(verify.ExitCode == 0, verify.All);
    }

    [Fact]
    public void A_soak_is_judged_by_the_soak_profile_and_a_short_run_fails_with_a_signed_failed_record()
    {
        // 15 minutes: the load duration, but the staging soak lasts 240.
        var run = FromK6("soak", K6Summaries.Export(iterationsRate: 20), startedMinutesAgo: 20);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  soak (k6)", run.Output, StringComparison.Ordinal);
        Assert.Contains("shorter than the soak duration of 14400 s", run.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_ws.Project, "releases", "staging", "evidence", "v1.4.0-rc.2")));
    }

    [Fact]
    public void A_smoke_summary_with_a_failed_execute_fails_naming_the_step()
    {
        var run = FromK6("smoke-runtime", K6Summaries.Smoke(executeFails: 1), startedMinutesAgo: 1);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'execute' failed 1 of 1 time(s)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("restore-drill", "staging", "{}", "a k6 summary makes one of load, soak, smoke-runtime")]
    [InlineData("load", "prod", "{}", "has no kora-infra:verification: only staging runs the checks")]
    [InlineData("load", "staging", "{\"metrics\": {}}", "no metric 'http_req_duration'")]
    public void A_wrong_kind_stack_or_file_is_a_usage_error_and_writes_nothing(string kind, string stack, string summary, string fragment)
    {
        var run = FromK6(kind, summary, stack: stack);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_ws.Project, "releases", "staging", "evidence")));
    }

    [Fact]
    public void A_summary_of_a_longer_run_than_the_time_since_it_started_is_refused()
    {
        var run = FromK6("load", K6Summaries.Export(), startedMinutesAgo: 5);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("it is not the summary of this run", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_restore_drill_refuses_a_target_looser_than_the_settings()
    {
        var run = _ws.Kora("drill", "restore", "--wal-archive", _scratch, "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--rpo-minutes", "30", "--key-file", _ws.SigningKey, "--project-dir", _ws.Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rpo-minutes 30 is looser than staging's kora-infra:verification.restore.rpoMinutes 15", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ws.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    private KoraRun FromK6(string kind, string summary, int startedMinutesAgo = 16, string stack = "staging")
    {
        var file = Path.Combine(_scratch, "summary.json");
        File.WriteAllText(file, summary);
        var started = _ws.Time.GetUtcNow().AddMinutes(-startedMinutesAgo).ToString("O", CultureInfo.InvariantCulture);
        return _ws.Kora("evidence", "from-k6", file, "--kind", kind, "--stack", stack, "--commit", ReleaseFixtures.Commit, "--rc", "v1.4.0-rc.2", "--image", ReleaseFixtures.Api.ToString(), "--started-at", started, "--key-file", _ws.SigningKey, "--project-dir", _ws.Project);
    }
}
