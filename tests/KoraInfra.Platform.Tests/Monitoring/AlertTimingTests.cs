using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Monitoring.Support;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>Every alert fires at the seed's duration: window + for: add up to it, and promtool agrees from raw metrics.</summary>
public sealed class AlertTimingTests
{
    private static readonly IReadOnlyList<AlertDefinition> Catalogue = AlertCatalogue.For(MonitoringSettings.Defaults);

    [Fact]
    public void Every_alerts_window_plus_for_is_the_seeds_duration()
    {
        Assert.Empty(AlertTimingRules.Problems(Catalogue));
    }

    [Theory]
    [InlineData("StructuredLogCoverageLow", AlertTiming.Sustained, 15)]
    [InlineData("RedisFallbackRateHigh", AlertTiming.Sustained, 15)]
    [InlineData("TakeoverSlaBreachRateHigh", AlertTiming.Sustained, 15)]
    [InlineData("AckToEnqueueGapHigh", AlertTiming.Windowed, 15)]
    [InlineData("AckToEnqueueGapSlowEvents", AlertTiming.Windowed, 15)]
    [InlineData("N8nHaReopenP0Incidents", AlertTiming.Windowed, 14 * 24 * 60)]
    [InlineData("N8nHaReopenReplayCritical", AlertTiming.Sustained, 3 * 24 * 60)]
    [InlineData("ReplayBacklogHigh", AlertTiming.Level, 0)]
    [InlineData("CriticalAlertNotAcknowledged", AlertTiming.Age, 0)]
    [InlineData("SafeModeNotEngaged", AlertTiming.Age, 0)]
    [InlineData("P0AlertNotAcknowledged", AlertTiming.Age, 0)]
    public void Each_alert_carries_the_seeds_duration(string name, AlertTiming timing, int seedMinutes)
    {
        var alert = Catalogue.Single(a => a.Name == name);

        Assert.Equal((timing, TimeSpan.FromMinutes(seedMinutes)), (alert.Timing, alert.SeedDuration));
    }

    [Fact]
    public void The_log_coverage_alert_fires_after_15_minutes_not_20()
    {
        var coverage = Catalogue.Single(a => a.Name == "StructuredLogCoverageLow");

        Assert.Equal(TimeSpan.FromMinutes(15), AlertTimingRules.TimeToFire(coverage));
        Assert.Equal(TimeSpan.FromMinutes(10), coverage.For);
    }

    [Fact]
    public void A_window_with_for_on_top_of_the_seeds_duration_is_refused()
    {
        var late = Catalogue.Single(a => a.Name == "StructuredLogCoverageLow") with { For = TimeSpan.FromMinutes(15) };

        var problem = Assert.Single(AlertTimingRules.Problems([late]));

        Assert.Equal("StructuredLogCoverageLow: a 5m window with for: 15m fires after 20m; the seed says 15m", problem);
    }

    [Fact]
    public void An_age_with_a_for_or_a_count_with_a_for_is_refused()
    {
        var age = Catalogue.Single(a => a.Name == "CriticalAlertNotAcknowledged") with { For = TimeSpan.FromMinutes(1) };
        var count = Catalogue.Single(a => a.Name == "AckToEnqueueGapSlowEvents") with { For = TimeSpan.FromMinutes(5) };

        Assert.Equal(2, AlertTimingRules.Problems([age, count]).Count);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Promtool_fires_each_rung_at_the_seeds_duration_from_raw_metrics_not_before(string stack)
    {
        using var dir = new ScratchDirectory();
        var settings = StackFiles.Validate(Repository.StackFile(stack)).Require();
        foreach (var (name, text) in MonitoringPlan.For(settings).RenderFiles())
        {
            dir.Write(name, text);
        }

        var ruleFiles = new[] { PrometheusRules.SignalsFile + ".rules.yml", PrometheusRules.AlertsFile + ".rules.yml" };
        var catalogue = AlertCatalogue.For(settings.Monitoring);
        var tests = TimingTests.For(catalogue, settings.Monitoring.RunbookBaseUrl, ruleFiles);

        var run = MonitoringTool.Promtool.Run(dir.Path, ["test", "rules", .. tests.Select(t => dir.Write(t.FileName, t.Yaml))]);

        run.AssertSucceeded("promtool test rules (timing)");
        Assert.Equal(
            catalogue.Where(a => a.Timing != AlertTiming.Windowed).Select(a => a.Name).Order(StringComparer.Ordinal),
            tests.Select(t => t.Alert).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Promtool_catches_an_alert_that_fires_later_than_the_seed()
    {
        // The timing tests must be able to fail: rules rendered with the old for: 15m on the
        // 5-minute coverage rate fire at 20 minutes, and the 15-minute expectation says so.
        using var dir = new ScratchDirectory();
        var settings = StackFiles.Validate(Repository.StackFile("prod")).Require();
        foreach (var (name, text) in MonitoringPlan.For(settings).RenderFiles())
        {
            dir.Write(name, text.Replace("for: 10m", "for: 15m", StringComparison.Ordinal));
        }

        var ruleFiles = new[] { PrometheusRules.SignalsFile + ".rules.yml", PrometheusRules.AlertsFile + ".rules.yml" };
        var test = TimingTests.For(AlertCatalogue.For(settings.Monitoring), settings.Monitoring.RunbookBaseUrl, ruleFiles).Single(t => t.Alert == "StructuredLogCoverageLow");

        var run = MonitoringTool.Promtool.Run(dir.Path, "test", "rules", dir.Write(test.FileName, test.Yaml));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("StructuredLogCoverageLow", run.Output, StringComparison.Ordinal);
    }
}
