namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>Evaluates PromQL at an instant: Prometheus's HTTP API (<see cref="PrometheusHttpQuery"/>) or a test's own.</summary>
public interface IPrometheusQuery
{
    /// <summary>Where the answers come from, for messages and the record.</summary>
    string Where { get; }

    /// <summary>The largest sample the query returns at <paramref name="at"/>; null when it returns none.</summary>
    /// <exception cref="PrometheusUnavailableException">Prometheus cannot be reached, or did not answer as Prometheus.</exception>
    Task<double?> InstantAsync(string query, DateTimeOffset at, CancellationToken cancellationToken);
}
