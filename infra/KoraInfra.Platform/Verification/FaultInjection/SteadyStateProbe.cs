namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>Reads every hypothesis at one instant from Prometheus.</summary>
public static class SteadyStateProbe
{
    /// <summary>One reading per hypothesis, in order.</summary>
    /// <exception cref="PrometheusUnavailableException">Prometheus could not be asked.</exception>
    public static async Task<IReadOnlyList<HypothesisReading>> ReadAsync(IReadOnlyList<SteadyStateHypothesis> hypotheses, IPrometheusQuery prometheus, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(prometheus);
        var readings = new List<HypothesisReading>(hypotheses.Count);
        foreach (var hypothesis in hypotheses)
        {
            readings.Add(new HypothesisReading(hypothesis, at, await prometheus.InstantAsync(hypothesis.Query, at, cancellationToken).ConfigureAwait(false)));
        }

        return readings;
    }
}
