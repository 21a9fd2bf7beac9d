namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// A quantity an alert judges, computed by a Prometheus recording rule from the metrics the
/// product exports (docs/monitoring/metrics-contract.md). Alerts compare only recorded signals
/// to thresholds, so each threshold is tested on its own and each computation on its own.
/// </summary>
/// <param name="Record">The recorded series name (<c>level:metric:operations</c>).</param>
/// <param name="Expression">The PromQL that computes it from exported metrics.</param>
/// <param name="Labels">The labels the signal keeps (its aggregation), in order; empty for a platform-wide signal.</param>
/// <param name="Unit">What one unit of the value is, for the contract and the summaries.</param>
/// <param name="Window">How far back the expression looks (its range selector); zero for an instant value.</param>
public sealed record Signal(string Record, string Expression, IReadOnlyList<string> Labels, string Unit, TimeSpan Window = default)
{
    /// <summary>Whether the signal is per tenant (then its alerts carry <c>tenant_id</c>).</summary>
    public bool PerTenant => Labels.Contains(MonitoringLabels.TenantId);
}

/// <summary>Label names shared by the rules, the routes and the contract.</summary>
public static class MonitoringLabels
{
    /// <summary>The tenant a series or alert belongs to.</summary>
    public const string TenantId = "tenant_id";

    /// <summary>The alert's severity (<see cref="AlertSeverity"/>).</summary>
    public const string Severity = "severity";

    /// <summary>The incident priority P0/P1/P2 the severity maps to.</summary>
    public const string Priority = "priority";

    /// <summary>Set to <c>management</c> on alerts that skip to the last step of the chain.</summary>
    public const string Escalation = "escalation";

    /// <summary>The risk register entry an alert enforces (e.g. R-DO-005).</summary>
    public const string Risk = "risk";

    /// <summary>The flow (F-01..F-06) a log record belongs to.</summary>
    public const string FlowId = "flow_id";
}
