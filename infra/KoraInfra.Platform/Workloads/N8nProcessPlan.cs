namespace KoraInfra.Platform.Workloads;

/// <summary>One n8n Deployment (and its Service), fully decided.</summary>
/// <param name="Process">Main, worker or webhook processor.</param>
/// <param name="Name">The Deployment and Service name.</param>
/// <param name="Replicas">Pods.</param>
/// <param name="Arguments">The n8n command (<c>start</c>, <c>worker --concurrency=N</c>, <c>webhook</c>).</param>
/// <param name="Resources">Requests and limits per pod.</param>
/// <param name="Environment">The process's variables.</param>
/// <param name="Liveness">Restarts a hung process.</param>
/// <param name="Readiness">Takes a pod out of its Service while its database or Redis is unreachable.</param>
/// <param name="Startup">Gives main time for database migrations before liveness applies.</param>
/// <param name="TerminationGracePeriodSeconds">Longer than n8n's own graceful shutdown, so n8n ends first.</param>
public sealed record N8nProcessPlan(
    N8nProcess Process,
    string Name,
    int Replicas,
    IReadOnlyList<string> Arguments,
    ResourceSizing Resources,
    IReadOnlyList<N8nVariable> Environment,
    HttpProbe Liveness,
    HttpProbe Readiness,
    HttpProbe Startup,
    int TerminationGracePeriodSeconds)
{
    /// <summary>The component label value.</summary>
    public string Component => Process.ToString().ToLowerInvariant();

    /// <summary>The labels the Deployment selects its pods by (and the Service routes by).</summary>
    public IReadOnlyDictionary<string, string> SelectorLabels => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = N8nPlan.AppName,
        ["app.kubernetes.io/component"] = Component,
    };

    /// <summary>Every label of the pods and objects: the selector plus ownership labels.</summary>
    public IReadOnlyDictionary<string, string> Labels => new SortedDictionary<string, string>(N8nPlan.CommonLabels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal)
    {
        ["app.kubernetes.io/component"] = Component,
    };

    /// <summary>
    /// Topology keys the pods spread over (at most one pod of difference per domain), so one node
    /// or one zone going away takes only its share of workers or webhook processors. Spreading is
    /// a preference (<c>ScheduleAnyway</c>): during a zone outage the pods must still reschedule.
    /// </summary>
    public IReadOnlyList<string> SpreadTopologyKeys { get; init; } = [];

    /// <summary>The container port name monitoring's ServiceMonitor scrapes.</summary>
    public const string PortName = "http";
}
