using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class VerificationSettingsTests
{
    [Fact]
    public void Staging_judges_its_checks_by_the_committed_targets_and_profiles()
    {
        var verification = StackFiles.Validate(Repository.StackFile("staging")).Require().Verification;

        Assert.NotNull(verification);
        Assert.Equal(new Uri("https://api.staging.koraos.example.com"), verification.TargetUrl);
        Assert.Equal(TimeSpan.FromMinutes(60), verification.Restore.Rto);
        Assert.Equal(TimeSpan.FromMinutes(15), verification.Restore.Rpo);
        Assert.Equal(50, verification.Load.RatePerSecond);
        Assert.Equal(TimeSpan.FromMinutes(15), verification.Load.Duration);
        Assert.Equal(500, verification.Load.P95Milliseconds);
        Assert.Equal(0.01, verification.Load.ErrorRate);
        Assert.True(verification.Soak.Duration > verification.Load.Duration);
    }

    [Theory]
    [InlineData("dev", "only staging runs the restore drill")]
    [InlineData("prod", "only staging runs the restore drill")]
    public void Dev_and_prod_have_none_and_refuse_the_key(string stack, string fragment)
    {
        var text = File.ReadAllText(Repository.StackFile(stack));
        Assert.Null(StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", text)).Require().Verification);

        var block = Block(File.ReadAllText(Repository.StackFile("staging")));
        var result = StackSettingsBinder.Bind(StackFileReader.Read($"Pulumi.{stack}.yaml", text.TrimEnd() + "\n" + block));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("kora-infra:verification", problem.Key);
        Assert.Contains(fragment, problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rtoMinutes: 60", "rtoMinutes: 61", "kora-infra:verification.restore.rtoMinutes", "from 1 to 60")]
    [InlineData("rpoMinutes: 15", "rpoMinutes: 0", "kora-infra:verification.restore.rpoMinutes", "from 1 to 1440")]
    [InlineData("durationMinutes: 240", "durationMinutes: 15", "kora-infra:verification.soak", "longer than the load run")]
    [InlineData("errorRate: 0.01\n    soak:", "errorRate: 1.5\n    soak:", "kora-infra:verification.load.errorRate", "a fraction from 0 to below 1")]
    [InlineData("p95Milliseconds: 500\n      errorRate: 0.01\n    soak:", "p95Milliseconds: fast\n      errorRate: 0.01\n    soak:", "kora-infra:verification.load.p95Milliseconds", "not a whole number")]
    [InlineData("targetUrl: https://api.staging.koraos.example.com", "targetUrl: http://api.staging.koraos.example.com", "kora-infra:verification.targetUrl", "the https URL")]
    [InlineData("ratePerSecond: 50", "ratePerSecond: 50\n      vus: 10", "kora-infra:verification.load.vus", "unknown key")]
    public void A_wrong_verification_setting_is_named_with_what_would_be_right(string find, string replacement, string key, string fragment)
    {
        var staging = File.ReadAllText(Repository.StackFile("staging"));
        Assert.Contains(find, staging, StringComparison.Ordinal);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.staging.yaml", ReplaceFirst(staging, find, replacement)));

        var problem = Assert.Single(result.Problems, p => p.Key == key);
        Assert.Contains(fragment, problem.ToString(), StringComparison.Ordinal);
        Assert.NotNull(problem.Location.Line);
    }

    [Fact]
    public void Staging_without_the_key_is_told_it_is_missing()
    {
        var staging = File.ReadAllText(Repository.StackFile("staging"));

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.staging.yaml", staging.Replace(Block(staging), string.Empty, StringComparison.Ordinal)));

        Assert.Contains(result.Problems, p => p.Key == "kora-infra:verification" && p.ToString().Contains("missing", StringComparison.Ordinal));
    }

    private static string Block(string staging)
    {
        var start = staging.IndexOf("  kora-infra:verification:", StringComparison.Ordinal);
        Assert.True(start >= 0, "the staging stack file has no kora-infra:verification block");
        var end = staging.IndexOf("\n  kora-infra:", start + 1, StringComparison.Ordinal);
        return end < 0 ? staging[start..] : staging[start..(end + 1)];
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
