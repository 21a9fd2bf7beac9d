namespace KoraInfra.Platform.Workloads;

/// <summary>An HTTP probe on one of n8n's health endpoints.</summary>
/// <param name="Path">The endpoint (<c>/healthz</c>: the process is up; <c>/healthz/readiness</c>: its database and Redis are reachable).</param>
/// <param name="Port">The container port.</param>
/// <param name="PeriodSeconds">Seconds between probes.</param>
/// <param name="TimeoutSeconds">Seconds before one probe fails.</param>
/// <param name="FailureThreshold">Consecutive failures before Kubernetes acts.</param>
public sealed record HttpProbe(string Path, int Port, int PeriodSeconds, int TimeoutSeconds, int FailureThreshold)
{
    /// <summary>n8n's liveness endpoint.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>n8n's readiness endpoint (database and Redis connected).</summary>
    public const string ReadinessPath = "/healthz/readiness";
}
