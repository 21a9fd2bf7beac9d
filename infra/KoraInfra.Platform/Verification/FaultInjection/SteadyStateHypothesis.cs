namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// One steady-state hypothesis: a PromQL query over the seed's health metrics whose worst value
/// (across tenants) stays at or below a threshold while the platform is healthy.
/// </summary>
/// <param name="Name">The measurement name in the record (<c>replay_backlog</c>, …).</param>
/// <param name="Query">The PromQL; one sample, the worst tenant's value.</param>
/// <param name="Maximum">The largest value that still counts as steady.</param>
/// <param name="Unit">The value's unit.</param>
/// <param name="Source">Where the threshold comes from (seed section, alert, setting).</param>
public sealed record SteadyStateHypothesis(string Name, string Query, double Maximum, string Unit, string Source)
{
    /// <summary>Whether a reading holds the hypothesis; no reading (no series) never does.</summary>
    public bool HoldsFor(double? value) => value is { } v && !double.IsNaN(v) && v <= Maximum;
}
