namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// Prometheus could not be asked: unreachable (connection refused, DNS, timeout, 5xx), or the
/// address answers but not as Prometheus's HTTP API (<see cref="NotPrometheus"/>).
/// </summary>
public sealed class PrometheusUnavailableException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public PrometheusUnavailableException(string message, bool notPrometheus = false, Exception? innerException = null)
        : base(message, innerException) => NotPrometheus = notPrometheus;

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public PrometheusUnavailableException()
    {
    }

    /// <summary>Creates the exception with a cause (required by the exception pattern).</summary>
    public PrometheusUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether something answered, but not as Prometheus (a wrong URL, not an outage).</summary>
    public bool NotPrometheus { get; }
}
