namespace KoraInfra.Platform.Monitoring;

/// <summary>How Prometheus finds a workload's metrics endpoint.</summary>
public enum ScrapeKind
{
    /// <summary>Through a Service (<c>monitoring.coreos.com/v1 ServiceMonitor</c>).</summary>
    ServiceMonitor,

    /// <summary>Directly from the pods (<c>monitoring.coreos.com/v1 PodMonitor</c>): for workloads scaled out without a metrics Service.</summary>
    PodMonitor,
}

/// <summary>A workload Prometheus scrapes: the other half of the metrics contract (docs/monitoring/metrics-contract.md).</summary>
/// <param name="Name">The monitor's resource name.</param>
/// <param name="Kind">Service or pod discovery.</param>
/// <param name="Namespace">The workload's namespace.</param>
/// <param name="Selector">Labels the Service (or pods) carry.</param>
/// <param name="Port">The named port serving metrics.</param>
/// <param name="Path">The metrics path.</param>
/// <param name="Interval">The scrape interval.</param>
public sealed record ScrapeTarget(
    string Name,
    ScrapeKind Kind,
    string Namespace,
    IReadOnlyDictionary<string, string> Selector,
    string Port,
    string Path,
    string Interval)
{
    /// <summary>
    /// n8n's own metrics (<c>N8N_METRICS=true</c> serves them on every process's HTTP port); n8n
    /// runs in the workload namespace, <c>kora</c>.
    /// </summary>
    public static ScrapeTarget N8n { get; } = new(
        "n8n", ScrapeKind.ServiceMonitor, "kora",
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/name"] = "n8n" },
        "http", "/metrics", "30s");

    /// <summary>The platform runtime, which exports the metrics of the contract.</summary>
    public static ScrapeTarget PlatformRuntime { get; } = new(
        "kora-runtime", ScrapeKind.PodMonitor, "kora",
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/part-of"] = "koraos" },
        "metrics", "/metrics", "30s");

    /// <summary>The responder's incident and SLA metrics (<c>kora_incident_*</c>), through its Service.</summary>
    public static ScrapeTarget Responder { get; } = new(
        "kora-responder", ScrapeKind.ServiceMonitor, "kora-response",
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/name"] = "kora-responder" },
        "http", "/metrics", "30s");

    /// <summary>The monitor's <c>spec</c>.</summary>
    public YamlMap Spec()
    {
        var labels = new YamlMap();
        foreach (var (key, value) in Selector)
        {
            labels.Add(key, value);
        }

        var endpoint = new YamlMap { { "port", Port }, { "path", Path }, { "interval", Interval } };
        return new YamlMap
        {
            { "selector", new YamlMap { { "matchLabels", labels } } },
            { "namespaceSelector", new YamlMap { { "matchNames", new[] { Namespace } } } },
            { Kind == ScrapeKind.ServiceMonitor ? "endpoints" : "podMetricsEndpoints", new[] { endpoint } },
        };
    }
}
