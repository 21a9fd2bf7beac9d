using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.Load;
using KoraInfra.Platform.Verification.Smoke;
using KoraInfra.TestCases;

namespace KoraInfra.Platform.Tests.Verification;

public sealed class SmokeJudgementTests
{
    private static readonly CheckRun Run = new("staging", ReleaseFixtures.Commit, ReleaseVersion.TryParse("v1.4.0-rc.2")!, [ReleaseFixtures.Api], ReleaseFixtures.Now.AddMinutes(-2), ReleaseFixtures.Now);

    [Fact]
    public void Health_list_and_execute_passing_make_a_passing_smoke_record()
    {
        var record = SmokeJudgement.Judge(K6Summary.Read(K6Summaries.Smoke(), "smoke.json"), Run);

        Assert.True(record.Passed, string.Join("; ", record.Reasons));
        Assert.Equal(VerificationKind.SmokeRuntime, record.Kind);
        Assert.Equal(["health-passes", "health-fails", "list-passes", "list-fails", "execute-passes", "execute-fails"], record.Measurements.Select(m => m.Name));
    }

    [Fact]
    public void A_failed_step_fails_the_record_naming_it()
    {
        var record = SmokeJudgement.Judge(K6Summary.Read(K6Summaries.Smoke(executeFails: 1), "smoke.json"), Run);

        Assert.False(record.Passed);
        Assert.Equal(["'execute' failed 1 of 1 time(s)"], record.Reasons);
    }

    [Fact]
    public void A_missing_step_fails_the_record_naming_it()
    {
        var record = SmokeJudgement.Judge(K6Summary.Read(K6Summaries.Smoke(withList: false), "smoke.json"), Run);

        Assert.False(record.Passed);
        Assert.Contains("no 'list' check in the summary", Assert.Single(record.Reasons), StringComparison.Ordinal);
    }
}
