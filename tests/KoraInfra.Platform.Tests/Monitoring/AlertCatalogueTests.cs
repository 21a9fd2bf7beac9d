using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>Every number of seed sections 6 and 7 and risk R-DO-005, spelled as the seed spells it.</summary>
public sealed class AlertCatalogueTests
{
    private static readonly IReadOnlyList<AlertDefinition> Catalogue = AlertCatalogue.For(MonitoringSettings.Defaults);

    private static AlertDefinition Alert(string name) => Catalogue.Single(a => a.Name == name);

    [Theory]
    [InlineData("StructuredLogCoverageLow", Comparison.Below, 10, "warning:0.995:< 99.5%", "critical:0.98:< 98%")]
    [InlineData("AckToEnqueueGapHigh", Comparison.Above, 0, "warning:120:p95 > 2 min", "critical:300:p95 > 5 min")]
    [InlineData("AckToEnqueueGapSlowEvents", Comparison.Above, 0, "critical:20:> 20 eventos/15 min")]
    [InlineData("ReplayBacklogHigh", Comparison.Above, 0, "warning:30:> 30", "critical:80:> 80")]
    [InlineData("CriticalAlertNotAcknowledged", Comparison.AtLeast, 0, "warning:300:5 min", "high:600:10 min", "critical:900:15 min")]
    [InlineData("SafeModeNotEngaged", Comparison.AtLeast, 0, "critical:900:15 min sem ACK")]
    [InlineData("P0AlertNotAcknowledged", Comparison.Above, 0, "critical:300:> 5 min")]
    [InlineData("N8nHaReopenP0Incidents", Comparison.AtLeast, 0, "high:2:>=2 incidentes P0 em 14 dias")]
    [InlineData("N8nHaReopenReplayCritical", Comparison.Above, 3 * 24 * 60, "high:80:replay critico por 3 dias")]
    public void Thresholds_are_the_seeds(string name, Comparison comparison, int forMinutes, params string[] steps)
    {
        var alert = Alert(name);

        Assert.Equal(comparison, alert.Comparison);
        Assert.Equal(TimeSpan.FromMinutes(forMinutes), alert.For);
        Assert.Equal(steps, alert.Steps.Select(s => $"{s.Severity.Label()}:{YamlRendering.Scalar(s.Threshold)}:{s.Spelled}"));
    }

    [Fact]
    public void The_two_unquantified_rates_come_from_the_settings()
    {
        var settings = MonitoringSettings.Defaults with { RedisFallbackRate = new(0.07, 0.3), TakeoverSlaBreachRate = new(0.02, 0.04) };
        var catalogue = AlertCatalogue.For(settings);

        Assert.Equal([0.07, 0.3], catalogue.Single(a => a.Name == "RedisFallbackRateHigh").Steps.Select(s => s.Threshold));
        Assert.Equal(["> 7%", "> 30%"], catalogue.Single(a => a.Name == "RedisFallbackRateHigh").Steps.Select(s => s.Spelled));
        Assert.Equal([0.02, 0.04], catalogue.Single(a => a.Name == "TakeoverSlaBreachRateHigh").Steps.Select(s => s.Threshold));
    }

    [Fact]
    public void The_documented_defaults_hold()
    {
        Assert.Equal(new RateThresholds(0.05, 0.20), MonitoringSettings.Defaults.RedisFallbackRate);
        Assert.Equal(new RateThresholds(0.05, 0.10), MonitoringSettings.Defaults.TakeoverSlaBreachRate);
    }

    [Fact]
    public void Safe_mode_and_escalation_alerts_carry_their_guard_and_chain_step()
    {
        Assert.Equal(Signals.SafeModeActive, Alert("SafeModeNotEngaged").Unless);
        Assert.Contains("unless on (tenant_id) (kora:safe_mode_active:max == 1)", Alert("SafeModeNotEngaged").ExpressionFor(Alert("SafeModeNotEngaged").Steps[0]), StringComparison.Ordinal);
        Assert.Contains(new KeyValuePair<string, string>("escalation", "management"), Alert("P0AlertNotAcknowledged").Labels);
        Assert.All(Catalogue.Where(a => a.Name.StartsWith("N8nHaReopen", StringComparison.Ordinal)), a =>
        {
            Assert.Contains(new KeyValuePair<string, string>("risk", "R-DO-005"), a.Labels);
            Assert.Equal(AlertCatalogue.ReopenGroup, AlertCatalogue.GroupOf(a));
        });
    }

    [Fact]
    public void Ladders_climb_in_severity_and_tenant_alerts_carry_tenant_id()
    {
        Assert.All(Catalogue, a =>
        {
            Assert.Equal(a.Steps.Select(s => s.Severity).Order(), a.Steps.Select(s => s.Severity));
            var thresholds = a.Steps.Select(s => s.Threshold).ToList();
            Assert.Equal(a.Comparison == Comparison.Below ? thresholds.OrderDescending() : thresholds.Order(), thresholds);
        });
        Assert.All(Catalogue.Where(a => a.Name != "N8nHaReopenP0Incidents"), a => Assert.True(a.Signal.PerTenant, a.Name));
        Assert.False(Alert("N8nHaReopenP0Incidents").Signal.PerTenant);
    }

    [Fact]
    public void Severities_map_to_the_runbook_priorities_and_their_ack_slas()
    {
        Assert.Equal(["P2", "P1", "P0"], AlertSeverities.All.Select(s => s.Priority()));
        Assert.Equal(["4h", "15m", "5m"], AlertSeverities.All.Select(AlertRouting.RepeatInterval));
    }
}
