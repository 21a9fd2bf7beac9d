using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>
/// Each threshold of the catalogue at its boundary: exactly at it, one step below and one above,
/// judged the way the rules judge (the alert's comparison against each rung). A "&gt;" that
/// became "&gt;=", or a threshold that moved by one step, changes the severity one of these expects.
/// </summary>
public sealed class AlertThresholdBoundaryTests
{
    private static readonly IReadOnlyList<AlertDefinition> Catalogue = AlertCatalogue.For(MonitoringSettings.Defaults);

    [Theory]
    // Logs estruturados: warning < 99.5%, critico < 98% (steps of 0.1 percentage point).
    [InlineData("StructuredLogCoverageLow", 0.996, "none")]
    [InlineData("StructuredLogCoverageLow", 0.995, "none")]
    [InlineData("StructuredLogCoverageLow", 0.994, "warning")]
    [InlineData("StructuredLogCoverageLow", 0.981, "warning")]
    [InlineData("StructuredLogCoverageLow", 0.98, "warning")]
    [InlineData("StructuredLogCoverageLow", 0.979, "critical")]
    // ack_to_enqueue_gap: warning p95 > 2 min, critico p95 > 5 min (seconds).
    [InlineData("AckToEnqueueGapHigh", 119, "none")]
    [InlineData("AckToEnqueueGapHigh", 120, "none")]
    [InlineData("AckToEnqueueGapHigh", 121, "warning")]
    [InlineData("AckToEnqueueGapHigh", 299, "warning")]
    [InlineData("AckToEnqueueGapHigh", 300, "warning")]
    [InlineData("AckToEnqueueGapHigh", 301, "critical")]
    // ... ou > 20 eventos/15 min: its own alert, critical on its own.
    [InlineData("AckToEnqueueGapSlowEvents", 19, "none")]
    [InlineData("AckToEnqueueGapSlowEvents", 20, "none")]
    [InlineData("AckToEnqueueGapSlowEvents", 21, "critical")]
    // replay_backlog: warning > 30, critico > 80.
    [InlineData("ReplayBacklogHigh", 29, "none")]
    [InlineData("ReplayBacklogHigh", 30, "none")]
    [InlineData("ReplayBacklogHigh", 31, "warning")]
    [InlineData("ReplayBacklogHigh", 79, "warning")]
    [InlineData("ReplayBacklogHigh", 80, "warning")]
    [InlineData("ReplayBacklogHigh", 81, "critical")]
    // no_ack: warning 5 min, alto 10 min, critico 15 min ("at" the age: seconds, at or above).
    [InlineData("CriticalAlertNotAcknowledged", 299, "none")]
    [InlineData("CriticalAlertNotAcknowledged", 300, "warning")]
    [InlineData("CriticalAlertNotAcknowledged", 301, "warning")]
    [InlineData("CriticalAlertNotAcknowledged", 599, "warning")]
    [InlineData("CriticalAlertNotAcknowledged", 600, "high")]
    [InlineData("CriticalAlertNotAcknowledged", 601, "high")]
    [InlineData("CriticalAlertNotAcknowledged", 899, "high")]
    [InlineData("CriticalAlertNotAcknowledged", 900, "critical")]
    [InlineData("CriticalAlertNotAcknowledged", 901, "critical")]
    // safe mode aos 15 min sem ACK.
    [InlineData("SafeModeNotEngaged", 899, "none")]
    [InlineData("SafeModeNotEngaged", 900, "critical")]
    [InlineData("SafeModeNotEngaged", 901, "critical")]
    // P0 sem ACK interno por > 5 min.
    [InlineData("P0AlertNotAcknowledged", 299, "none")]
    [InlineData("P0AlertNotAcknowledged", 300, "none")]
    [InlineData("P0AlertNotAcknowledged", 301, "critical")]
    // R-DO-005: >=2 incidentes P0 em 14 dias; replay critico (> 80) por 3 dias.
    [InlineData("N8nHaReopenP0Incidents", 1, "none")]
    [InlineData("N8nHaReopenP0Incidents", 2, "high")]
    [InlineData("N8nHaReopenP0Incidents", 3, "high")]
    [InlineData("N8nHaReopenReplayCritical", 79, "none")]
    [InlineData("N8nHaReopenReplayCritical", 80, "none")]
    [InlineData("N8nHaReopenReplayCritical", 81, "high")]
    // The two rates the seed leaves to the settings, at their documented defaults.
    [InlineData("RedisFallbackRateHigh", 0.049, "none")]
    [InlineData("RedisFallbackRateHigh", 0.05, "none")]
    [InlineData("RedisFallbackRateHigh", 0.051, "warning")]
    [InlineData("RedisFallbackRateHigh", 0.2, "warning")]
    [InlineData("RedisFallbackRateHigh", 0.201, "critical")]
    [InlineData("TakeoverSlaBreachRateHigh", 0.05, "none")]
    [InlineData("TakeoverSlaBreachRateHigh", 0.051, "warning")]
    [InlineData("TakeoverSlaBreachRateHigh", 0.1, "warning")]
    [InlineData("TakeoverSlaBreachRateHigh", 0.101, "critical")]
    public void Each_threshold_fires_exactly_on_its_side_of_the_boundary(string alert, double value, string expected)
    {
        Assert.Equal(expected, Firing(Catalogue.Single(a => a.Name == alert), value));
    }

    [Theory]
    [InlineData(Comparison.Above, 30, 30, false)]
    [InlineData(Comparison.Above, 30.001, 30, true)]
    [InlineData(Comparison.Above, 29.999, 30, false)]
    [InlineData(Comparison.AtLeast, 300, 300, true)]
    [InlineData(Comparison.AtLeast, 299.999, 300, false)]
    [InlineData(Comparison.AtLeast, 300.001, 300, true)]
    [InlineData(Comparison.Below, 0.995, 0.995, false)]
    [InlineData(Comparison.Below, 0.9949, 0.995, true)]
    [InlineData(Comparison.Below, 0.9951, 0.995, false)]
    public void Each_comparison_decides_its_boundary_as_the_seed_spells_it(Comparison comparison, double value, double threshold, bool breaches)
    {
        Assert.Equal(breaches, comparison.Breaches(value, threshold));
    }

    [Theory]
    [InlineData(Comparison.Above, ">")]
    [InlineData(Comparison.AtLeast, ">=")]
    [InlineData(Comparison.Below, "<")]
    public void The_rules_write_the_same_comparison_the_boundary_tests_judge(Comparison comparison, string promql)
    {
        Assert.Equal(promql, comparison.Operator());
        Assert.All(
            Catalogue.Where(a => a.Comparison == comparison).SelectMany(a => a.Steps.Select(s => a.ExpressionFor(s))),
            expression => Assert.Contains($" {promql} ", expression, StringComparison.Ordinal));
    }

    [Fact]
    public void Safe_mode_not_engaged_needs_both_the_age_and_safe_mode_off()
    {
        var alert = Catalogue.Single(a => a.Name == "SafeModeNotEngaged");
        var expression = alert.ExpressionFor(alert.Steps.Single());

        // The age part alone, and the safe-mode part alone, each in the one expression.
        Assert.StartsWith($"{Signals.CriticalAlertUnackedAge.Record} >= 900 unless on (", expression, StringComparison.Ordinal);
        Assert.EndsWith($"({Signals.SafeModeActive.Record} == 1)", expression, StringComparison.Ordinal);
        Assert.Contains(MonitoringLabels.TenantId, expression, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_without_a_guard_have_the_bare_condition()
    {
        var alert = Catalogue.Single(a => a.Name == "ReplayBacklogHigh");

        Assert.Equal(
            [$"{Signals.ReplayBacklog.Record} > 30", $"{Signals.ReplayBacklog.Record} > 80"],
            alert.Steps.Select(s => alert.ExpressionFor(s)));
    }

    /// <summary>The highest rung the value breaches, or "none".</summary>
    private static string Firing(AlertDefinition alert, double value) =>
        alert.Steps.LastOrDefault(s => alert.Comparison.Breaches(value, s.Threshold))?.Severity.Label() ?? "none";

    [Fact]
    public void Rungs_are_ordered_so_the_highest_breached_one_is_the_last()
    {
        // Firing() relies on this: for "below", the stricter rung is the smaller threshold.
        Assert.All(Catalogue, alert =>
        {
            var thresholds = alert.Steps.Select(s => s.Threshold).ToList();
            var ordered = alert.Comparison == Comparison.Below ? thresholds.OrderDescending() : thresholds.Order();
            Assert.Equal(ordered, thresholds);
            Assert.True(alert.Steps.Count > 0, alert.Name);
        });
    }
}
