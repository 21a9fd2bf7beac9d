using System.Globalization;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// Every alert KoraOS runs with, from the seed (section 6, section 7 and risk R-DO-005), each
/// threshold spelled as the seed spells it. Only the two rates the seed names without a number
/// come from the stack settings.
/// </summary>
public static class AlertCatalogue
{
    private static readonly KeyValuePair<string, string> ToManagement = new(MonitoringLabels.Escalation, "management");
    private static readonly KeyValuePair<string, string> RiskDo005 = new(MonitoringLabels.Risk, "R-DO-005");

    // The seed counts in 15 minutes (section 6).
    private static readonly TimeSpan Fifteen = TimeSpan.FromMinutes(15);

    /// <summary>Group of the alerts on the product's health (seed section 6).</summary>
    public const string HealthGroup = "kora.alerts";

    /// <summary>Group of the formal n8n HA reopen trigger (risk R-DO-005).</summary>
    public const string ReopenGroup = "kora.n8n-ha-reopen";

    /// <summary>The catalogue for a stack's monitoring settings.</summary>
    public static IReadOnlyList<AlertDefinition> For(MonitoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return For(settings.RedisFallbackRate, settings.TakeoverSlaBreachRate);
    }

    /// <summary>The catalogue for the two rates the stack settings give (the rest is the seed's).</summary>
    /// <param name="redisFallbackRate">Thresholds for <c>redis_fallback_rate</c>.</param>
    /// <param name="takeoverSlaBreachRate">Thresholds for <c>takeover_sla_breach_rate</c>.</param>
    public static IReadOnlyList<AlertDefinition> For(RateThresholds redisFallbackRate, RateThresholds takeoverSlaBreachRate)
    {
        ArgumentNullException.ThrowIfNull(redisFallbackRate);
        ArgumentNullException.ThrowIfNull(takeoverSlaBreachRate);
        return
        [
            new("StructuredLogCoverageLow", Signals.StructuredLogCoverage, Comparison.Below,
                [Step(AlertSeverity.Warning, 0.995, "< 99.5%"), Step(AlertSeverity.Critical, 0.98, "< 98%")],
                // The 5-minute rate already spans 5 of the seed's 15 minutes.
                Fifteen - Signals.StructuredLogCoverage.Window,
                "Structured-log coverage (correlation_id, tenant_id, contact_id, flow_id, status, ts) of a flow F-01..F-06 is low for 15 min",
                "structured-log-coverage", "seed 6: Logs estruturados",
                Timing: AlertTiming.Sustained, SeedDuration: Fifteen),
            new("AckToEnqueueGapHigh", Signals.AckToEnqueueGapP95, Comparison.Above,
                [Step(AlertSeverity.Warning, 120, "p95 > 2 min"), Step(AlertSeverity.Critical, 300, "p95 > 5 min")],
                TimeSpan.Zero,
                "ack_to_enqueue_gap p95 over 15 min is high",
                "ack-to-enqueue-gap", "seed 6: Metricas de saude",
                Timing: AlertTiming.Windowed, SeedDuration: Fifteen),
            new("AckToEnqueueGapSlowEvents", Signals.AckToEnqueueGapSlowEvents, Comparison.Above,
                [Step(AlertSeverity.Critical, 20, "> 20 eventos/15 min")],
                TimeSpan.Zero,
                "More than 20 events in 15 min took over 5 min from ACK to enqueue",
                "ack-to-enqueue-gap", "seed 6: Metricas de saude",
                Timing: AlertTiming.Windowed, SeedDuration: Fifteen),
            new("ReplayBacklogHigh", Signals.ReplayBacklog, Comparison.Above,
                [Step(AlertSeverity.Warning, 30, "> 30"), Step(AlertSeverity.Critical, 80, "> 80")],
                TimeSpan.Zero,
                "replay_backlog is high",
                "replay-backlog", "seed 6: Alertas criticos"),
            new("RedisFallbackRateHigh", Signals.RedisFallbackRate, Comparison.Above,
                [Rate(AlertSeverity.Warning, redisFallbackRate.Warning), Rate(AlertSeverity.Critical, redisFallbackRate.Critical)],
                TimeSpan.Zero,
                "redis_fallback_rate over 15 min is high",
                "redis-fallback", "seed 6: Metricas de saude; kora-infra:monitoring.redisFallbackRate",
                Timing: AlertTiming.Sustained, SeedDuration: Fifteen),
            new("TakeoverSlaBreachRateHigh", Signals.TakeoverSlaBreachRate, Comparison.Above,
                [Rate(AlertSeverity.Warning, takeoverSlaBreachRate.Warning), Rate(AlertSeverity.Critical, takeoverSlaBreachRate.Critical)],
                TimeSpan.Zero,
                "takeover_sla_breach_rate over 15 min is high",
                "takeover-sla-breach", "seed 6: Metricas de saude; kora-infra:monitoring.takeoverSlaBreachRate",
                Timing: AlertTiming.Sustained, SeedDuration: Fifteen),
            new("CriticalAlertNotAcknowledged", Signals.CriticalAlertUnackedAge, Comparison.AtLeast,
                [Step(AlertSeverity.Warning, 300, "5 min"), Step(AlertSeverity.High, 600, "10 min"), Step(AlertSeverity.Critical, 900, "15 min")],
                TimeSpan.Zero,
                "A critical alert (no_ack_critical_alert) has no ACK",
                "no-ack", "seed 6: Alertas criticos",
                Timing: AlertTiming.Age),
            new("SafeModeNotEngaged", Signals.CriticalAlertUnackedAge, Comparison.AtLeast,
                [Step(AlertSeverity.Critical, 900, "15 min sem ACK")],
                TimeSpan.Zero,
                "A critical alert has had no ACK for 15 min and the tenant is not in safe mode",
                "safe-mode", "seed 6: Alertas criticos (safe mode aos 15 min sem ACK)",
                Unless: Signals.SafeModeActive,
                Timing: AlertTiming.Age),
            new("P0AlertNotAcknowledged", Signals.P0IncidentUnackedAge, Comparison.Above,
                [Step(AlertSeverity.Critical, 300, "> 5 min")],
                TimeSpan.Zero,
                "A P0 alert has had no internal ACK for more than 5 min: escalating along superadmin -> devops -> management",
                "p0-escalation", "seed 6: On-call",
                ExtraLabels: [ToManagement],
                Timing: AlertTiming.Age),
            new("N8nHaReopenP0Incidents", Signals.P0IncidentsIn14Days, Comparison.AtLeast,
                [Step(AlertSeverity.High, 2, ">=2 incidentes P0 em 14 dias")],
                TimeSpan.Zero,
                "At least 2 P0 incidents in 14 days: the deferred n8n HA decision (PC-P1-01) must be reopened",
                "n8n-ha-reopen-trigger", "risk R-DO-005",
                ExtraLabels: [ToManagement, RiskDo005],
                Timing: AlertTiming.Windowed, SeedDuration: TimeSpan.FromDays(14)),
            new("N8nHaReopenReplayCritical", Signals.ReplayBacklog, Comparison.Above,
                [Step(AlertSeverity.High, 80, "replay critico por 3 dias")],
                TimeSpan.FromDays(3),
                "replay_backlog has been critical (> 80) for 3 days: the deferred n8n HA decision (PC-P1-01) must be reopened",
                "n8n-ha-reopen-trigger", "risk R-DO-005",
                ExtraLabels: [ToManagement, RiskDo005],
                Timing: AlertTiming.Sustained, SeedDuration: TimeSpan.FromDays(3)),
        ];
    }

    /// <summary>The rule group an alert is written in.</summary>
    public static string GroupOf(AlertDefinition alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Labels.Contains(RiskDo005) ? ReopenGroup : HealthGroup;
    }

    private static AlertStep Step(AlertSeverity severity, double threshold, string spelled) => new(severity, threshold, spelled);

    private static AlertStep Rate(AlertSeverity severity, double fraction) =>
        new(severity, fraction, "> " + (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%");
}
