using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.Load;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Verification.Load;

public sealed class LoadJudgementTests
{
    private static readonly LoadProfile Load = new(50, TimeSpan.FromMinutes(15), 500, 0.01);

    private static readonly CheckRun Run = new("staging", ReleaseFixtures.Commit, ReleaseVersion.TryParse("v1.4.0-rc.2")!, [ReleaseFixtures.Api, ReleaseFixtures.Worker], ReleaseFixtures.Now.AddMinutes(-16), ReleaseFixtures.Now);

    [Fact]
    public void A_summary_export_within_the_profile_makes_a_passing_record_that_signs_and_verifies()
    {
        var record = LoadJudgement.Judge(VerificationKind.Load, K6Summary.Read(K6Summaries.Export(), "summary.json"), Load, Run);

        Assert.True(record.Passed, string.Join("; ", record.Reasons));
        Assert.Equal(new Measurement(LoadJudgement.P95, 212.48, "ms", 500), record.Measured(LoadJudgement.P95));
        Assert.Equal(new Measurement(LoadJudgement.ErrorRate, 0.0021, "ratio", 0.01), record.Measured(LoadJudgement.ErrorRate));
        Assert.Equal(49.91, record.Measured(LoadJudgement.Rate)!.Value);
        Assert.Equal(900.413, record.Measured(LoadJudgement.Duration)!.Value);
        Assert.Equal("k6", record.Driver);
        using var key = ReleaseFixtures.NewKey();
        Assert.True(EvidenceVerifier.Verify("load.dsse.json", EvidenceSigner.Sign(record, key), key).IsValid);
    }

    [Fact]
    public void The_handle_summary_shape_reads_the_same_numbers()
    {
        var export = K6Summary.Read(K6Summaries.Export(), "export.json");
        var handled = K6Summary.Read(K6Summaries.HandleSummary(), "handle.json");

        Assert.Equal((export.P95Milliseconds, export.FailedRate, export.IterationsRate, export.Requests, export.RunDuration), (handled.P95Milliseconds, handled.FailedRate, handled.IterationsRate, handled.Requests, handled.RunDuration));
        Assert.Equal(export.Checks["status is 2xx"], handled.Checks["status is 2xx"]);
    }

    [Theory]
    [InlineData(500.0, 0.01, 47.5, 900_000.0, null)]
    [InlineData(500.01, 0.0021, 49.91, 900_412.7, "p95 of http_req_duration 500.01 ms exceeds the limit 500 ms")]
    [InlineData(212.48, 0.0101, 49.91, 900_412.7, "error rate (http_req_failed) 0.0101 exceeds the limit 0.01")]
    [InlineData(212.48, 0.0021, 47.49, 900_412.7, "achieved 47.49 iterations/s, below 95% of the requested 50/s")]
    [InlineData(212.48, 0.0021, 49.91, 898_999.0, "the run lasted 898.999 s, shorter than the load duration of 900 s")]
    public void Each_limit_fails_the_record_at_its_edge_and_names_why(double p95, double failed, double rate, double durationMs, string? reason)
    {
        var record = LoadJudgement.Judge(VerificationKind.Load, K6Summary.Read(K6Summaries.Export(p95, failed, rate, durationMs), "summary.json"), Load, Run);

        if (reason is null)
        {
            Assert.True(record.Passed, string.Join("; ", record.Reasons));
        }
        else
        {
            Assert.False(record.Passed);
            Assert.Contains(record.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_numbers_are_judged_here_not_by_k6s_own_threshold_verdicts()
    {
        // A script edited to say its threshold held changes nothing: 730 ms is over the setting.
        var record = LoadJudgement.Judge(VerificationKind.Soak, K6Summary.Read(K6Summaries.Export(p95: 730, thresholdCrossed: false), "summary.json"), Load with { Duration = TimeSpan.FromMinutes(10) }, Run);

        Assert.False(record.Passed);
        Assert.Equal(VerificationKind.Soak, record.Kind);
    }

    [Theory]
    [InlineData("{\"metrics\": {}}", "no metric 'http_req_duration'")]
    [InlineData("[1, 2]", "no 'metrics' object")]
    [InlineData("{\"metrics\": {\"http_req_duration\": {\"avg\": 1}}}", "metrics.http_req_duration without a number 'p(95)'")]
    [InlineData("{\"metrics\": ", "text that is not JSON")]
    [InlineData("{\"state\": [], \"root_group\": {\"checks\": [{\"name\": 7, \"passes\": 1, \"fails\": 0}]}, \"metrics\": {\"http_req_duration\": {\"p(95)\": 1}, \"http_req_failed\": {\"value\": 0}, \"http_reqs\": {\"count\": 1}, \"iterations\": {\"rate\": 1}}}", "a check without a name")]
    [InlineData("{\"metrics\": {\"http_req_duration\": {\"p(95)\": 1}, \"http_req_failed\": {\"value\": 0}, \"http_reqs\": {\"count\": -5}, \"iterations\": {\"rate\": 1}}}", "metrics.http_reqs.count = -5")]
    [InlineData("{\"state\": {\"testRunDurationMs\": 1e300}, \"metrics\": {\"http_req_duration\": {\"p(95)\": 1}, \"http_req_failed\": {\"value\": 0}, \"http_reqs\": {\"count\": 1}, \"iterations\": {\"rate\": 1}}}", "state.testRunDurationMs = 1E+300")]
    public void A_file_that_is_not_a_k6_summary_is_refused_naming_what_is_missing(string json, string fragment)
    {
        var ex = Assert.Throws<InputRefusedException>(() => K6Summary.Read(json, "out/summary.json"));

        Assert.Contains("out/summary.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_receives_the_settings_thresholds()
    {
        Assert.Equal(
            new Dictionary<string, string> { ["KORA_DURATION"] = "15m", ["KORA_ERROR_RATE"] = "0.01", ["KORA_P95_MS"] = "500", ["KORA_RATE"] = "50" },
            Load.ScriptEnvironment());
    }
}
