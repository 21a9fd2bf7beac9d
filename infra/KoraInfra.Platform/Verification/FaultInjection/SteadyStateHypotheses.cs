using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// The steady state every experiment is judged by: no health alert of seed section 6 at warning
/// level. Each hypothesis queries the signal its alert judges (the recorded series of
/// docs/monitoring/metrics-contract.md) and takes its threshold from the alert catalogue, so the
/// drill and the alerts can never disagree on what "healthy" means.
/// </summary>
public static class SteadyStateHypotheses
{
    /// <summary>The hypotheses for a stack's monitoring settings (the Redis fallback threshold is a setting).</summary>
    public static IReadOnlyList<SteadyStateHypothesis> For(MonitoringSettings monitoring)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        var catalogue = AlertCatalogue.For(monitoring);
        return
        [
            FromWarning(catalogue, "ReplayBacklogHigh", "replay_backlog", "events", "seed 6: replay_backlog warning > 30"),
            FromWarning(catalogue, "AckToEnqueueGapHigh", "ack_to_enqueue_gap_p95", "s", "seed 6: ack_to_enqueue_gap warning p95 > 2 min"),
            FromWarning(catalogue, "RedisFallbackRateHigh", "redis_fallback_rate", "ratio", "seed 6 + kora-infra:monitoring.redisFallbackRate.warning"),
        ];
    }

    private static SteadyStateHypothesis FromWarning(IReadOnlyList<AlertDefinition> catalogue, string alert, string name, string unit, string source)
    {
        var definition = catalogue.Single(a => a.Name == alert);
        var warning = definition.Steps.Single(s => s.Severity == AlertSeverity.Warning);

        // The worst tenant decides: one tenant in trouble is a broken steady state.
        return new SteadyStateHypothesis(name, $"max({definition.Signal.Record})", warning.Threshold, unit, $"{source} ({alert} {warning.Spelled})");
    }
}
