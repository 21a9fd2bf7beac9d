namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// The recorded signals the alerts judge, each computed from metrics of the product's contract
/// (docs/monitoring/metrics-contract.md). Windows follow the seed: it counts in 15 minutes.
/// </summary>
public static class Signals
{
    private static readonly string[] Tenant = [MonitoringLabels.TenantId];

    /// <summary>
    /// Fraction of structured log records of flows F-01..F-06 carrying all six required fields
    /// (<c>correlation_id</c>, <c>tenant_id</c>, <c>contact_id</c>, <c>flow_id</c>, <c>status</c>, <c>ts</c>), per tenant and flow.
    /// </summary>
    public static Signal StructuredLogCoverage { get; } = new(
        "kora:structured_log_coverage:ratio_rate5m",
        "sum by (tenant_id, flow_id) (rate(kora_flow_log_records_complete_total{flow_id=~\"F-0[1-6]\"}[5m]))"
        + " / sum by (tenant_id, flow_id) (rate(kora_flow_log_records_total{flow_id=~\"F-0[1-6]\"}[5m]))",
        [MonitoringLabels.TenantId, MonitoringLabels.FlowId],
        "ratio (0-1)",
        TimeSpan.FromMinutes(5));

    /// <summary>95th percentile of <c>ack_to_enqueue_gap</c> over 15 minutes, per tenant.</summary>
    public static Signal AckToEnqueueGapP95 { get; } = new(
        "kora:ack_to_enqueue_gap_seconds:p95_rate15m",
        "histogram_quantile(0.95, sum by (tenant_id, le) (rate(kora_ack_to_enqueue_gap_seconds_bucket[15m])))",
        Tenant,
        "seconds",
        TimeSpan.FromMinutes(15));

    /// <summary>
    /// Events whose <c>ack_to_enqueue_gap</c> exceeded 5 minutes in the last 15 minutes, per tenant
    /// (the seed's "&gt; 20 eventos/15 min"; the histogram must have a 300 s bucket).
    /// </summary>
    public static Signal AckToEnqueueGapSlowEvents { get; } = new(
        "kora:ack_to_enqueue_gap_over_5m:increase15m",
        "sum by (tenant_id) (increase(kora_ack_to_enqueue_gap_seconds_count[15m]))"
        + " - sum by (tenant_id) (increase(kora_ack_to_enqueue_gap_seconds_bucket{le=\"300\"}[15m]))",
        Tenant,
        "events",
        TimeSpan.FromMinutes(15));

    /// <summary>Events waiting for replay, per tenant.</summary>
    public static Signal ReplayBacklog { get; } = new(
        "kora:replay_backlog:max",
        "max by (tenant_id) (kora_replay_backlog)",
        Tenant,
        "events");

    /// <summary>Fraction of cache operations served by the fallback path over 15 minutes, per tenant.</summary>
    public static Signal RedisFallbackRate { get; } = new(
        "kora:redis_fallback:ratio_rate15m",
        "sum by (tenant_id) (rate(kora_redis_fallback_total[15m])) / sum by (tenant_id) (rate(kora_redis_operations_total[15m]))",
        Tenant,
        "ratio (0-1)",
        TimeSpan.FromMinutes(15));

    /// <summary>Fraction of human takeovers that missed their SLA over 15 minutes, per tenant.</summary>
    public static Signal TakeoverSlaBreachRate { get; } = new(
        "kora:takeover_sla_breach:ratio_rate15m",
        "sum by (tenant_id) (rate(kora_takeover_sla_breaches_total[15m])) / sum by (tenant_id) (rate(kora_takeovers_total[15m]))",
        Tenant,
        "ratio (0-1)",
        TimeSpan.FromMinutes(15));

    /// <summary>Age of the oldest unacknowledged critical alert (<c>no_ack_critical_alert</c>), per tenant; 0 when none.</summary>
    public static Signal CriticalAlertUnackedAge { get; } = new(
        "kora:critical_alert_unacked_age_seconds:max",
        "max by (tenant_id) (kora_critical_alert_unacked_age_seconds)",
        Tenant,
        "seconds");

    /// <summary>1 while the tenant runs in safe mode, else 0.</summary>
    public static Signal SafeModeActive { get; } = new(
        "kora:safe_mode_active:max",
        "max by (tenant_id) (kora_safe_mode_active)",
        Tenant,
        "boolean (0/1)");

    /// <summary>Age of the oldest P0 incident without an internal ACK, per tenant; 0 when none.</summary>
    public static Signal P0IncidentUnackedAge { get; } = new(
        "kora:p0_incident_unacked_age_seconds:max",
        "max by (tenant_id) (kora_incident_unacked_age_seconds{priority=\"P0\"})",
        Tenant,
        "seconds");

    /// <summary>P0 incidents opened in the last 14 days, platform-wide (risk R-DO-005).</summary>
    public static Signal P0IncidentsIn14Days { get; } = new(
        "kora:p0_incidents:increase14d",
        "sum(increase(kora_incidents_opened_total{priority=\"P0\"}[14d]))",
        [],
        "incidents",
        TimeSpan.FromDays(14));

    /// <summary>Every signal, in the order the recording rules are written.</summary>
    public static IReadOnlyList<Signal> All { get; } =
    [
        StructuredLogCoverage, AckToEnqueueGapP95, AckToEnqueueGapSlowEvents, ReplayBacklog, RedisFallbackRate,
        TakeoverSlaBreachRate, CriticalAlertUnackedAge, SafeModeActive, P0IncidentUnackedAge, P0IncidentsIn14Days,
    ];
}
