using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>
/// Each timing kind's check on its own: every part of each compound condition breaks the alert
/// alone and is named in the message, and an alert exactly on the seed's duration passes.
/// </summary>
public sealed class AlertTimingProblemTests
{
    private static readonly IReadOnlyList<AlertDefinition> Catalogue = AlertCatalogue.For(MonitoringSettings.Defaults);

    private static AlertDefinition Alert(string name) => Catalogue.Single(a => a.Name == name);

    private static Signal WithWindow(Signal signal, TimeSpan window) => signal with { Window = window };

    [Fact]
    public void A_sustained_alert_firing_one_minute_early_is_refused()
    {
        // 5m window + for: 9m is 14 minutes, one short of the seed's 15.
        var early = Alert("StructuredLogCoverageLow") with { For = TimeSpan.FromMinutes(9) };

        Assert.Equal(["StructuredLogCoverageLow: a 5m window with for: 9m fires after 14m; the seed says 15m"], AlertTimingRules.Problems([early]));
        Assert.Equal(TimeSpan.FromMinutes(14), AlertTimingRules.TimeToFire(early));
    }

    [Fact]
    public void A_sustained_alert_without_a_window_carries_the_whole_duration_in_its_for()
    {
        var replay = Alert("N8nHaReopenReplayCritical");

        Assert.Empty(AlertTimingRules.Problems([replay]));
        Assert.Equal(TimeSpan.FromDays(3), AlertTimingRules.TimeToFire(replay));
        Assert.Equal(["N8nHaReopenReplayCritical: a 0m window with for: 2d fires after 2d; the seed says 3d"], AlertTimingRules.Problems([replay with { For = TimeSpan.FromDays(2) }]));
    }

    [Fact]
    public void An_age_with_a_window_alone_is_refused()
    {
        var age = Alert("P0AlertNotAcknowledged");
        var windowed = age with { Signal = WithWindow(age.Signal, TimeSpan.FromMinutes(5)) };

        Assert.Equal(["P0AlertNotAcknowledged: an age compared with the seed's durations must have no window and no for: (has 5m and 0m)"], AlertTimingRules.Problems([windowed]));
    }

    [Fact]
    public void An_age_with_a_for_alone_is_refused()
    {
        var age = Alert("CriticalAlertNotAcknowledged") with { For = TimeSpan.FromMinutes(1) };

        Assert.Equal(["CriticalAlertNotAcknowledged: an age compared with the seed's durations must have no window and no for: (has 0m and 1m)"], AlertTimingRules.Problems([age]));
    }

    [Fact]
    public void A_count_over_a_window_other_than_the_seeds_is_refused()
    {
        var count = Alert("AckToEnqueueGapSlowEvents");
        var shorter = count with { Signal = WithWindow(count.Signal, TimeSpan.FromMinutes(14)) };

        Assert.Equal(["AckToEnqueueGapSlowEvents: a count over the seed's 15m must use a 15m window and no for: (has 14m and 0m)"], AlertTimingRules.Problems([shorter]));
    }

    [Fact]
    public void A_count_with_a_for_alone_is_refused()
    {
        var count = Alert("N8nHaReopenP0Incidents") with { For = TimeSpan.FromHours(1) };

        Assert.Equal(["N8nHaReopenP0Incidents: a count over the seed's 14d must use a 14d window and no for: (has 14d and 1h)"], AlertTimingRules.Problems([count]));
    }

    [Fact]
    public void A_level_with_a_window_a_for_or_a_seed_duration_is_each_refused()
    {
        var level = Alert("ReplayBacklogHigh");
        Assert.Empty(AlertTimingRules.Problems([level]));

        Assert.Equal(
            [
                "ReplayBacklogHigh: a level the seed gives no duration fires at once (has window 1m, for: 0m, seed 0m)",
                "ReplayBacklogHigh: a level the seed gives no duration fires at once (has window 0m, for: 2m, seed 0m)",
                "ReplayBacklogHigh: a level the seed gives no duration fires at once (has window 0m, for: 0m, seed 3m)",
            ],
            AlertTimingRules.Problems(
            [
                level with { Signal = WithWindow(level.Signal, TimeSpan.FromMinutes(1)) },
                level with { For = TimeSpan.FromMinutes(2) },
                level with { SeedDuration = TimeSpan.FromMinutes(3) },
            ]));
    }

    [Fact]
    public void Only_the_alerts_in_breach_are_listed_in_catalogue_order()
    {
        var late = Alert("RedisFallbackRateHigh") with { For = TimeSpan.FromMinutes(1) };
        var lateToo = Alert("TakeoverSlaBreachRateHigh") with { For = TimeSpan.FromMinutes(16) };

        Assert.Equal(
            [
                "RedisFallbackRateHigh: a 15m window with for: 1m fires after 16m; the seed says 15m",
                "TakeoverSlaBreachRateHigh: a 15m window with for: 16m fires after 31m; the seed says 15m",
            ],
            AlertTimingRules.Problems([Alert("ReplayBacklogHigh"), late, Alert("SafeModeNotEngaged"), lateToo]));
    }
}
