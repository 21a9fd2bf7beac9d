namespace KoraInfra.Platform.Monitoring;

/// <summary>A Helm chart pinned to one version, so every stack installs exactly what was reviewed.</summary>
/// <param name="Name">The chart name.</param>
/// <param name="Version">The exact chart version (never a range).</param>
/// <param name="Repository">The chart repository URL.</param>
public sealed record HelmChart(string Name, string Version, string Repository)
{
    /// <summary>
    /// kube-prometheus-stack: Prometheus Operator, Prometheus, Alertmanager and the CRDs
    /// (<c>PrometheusRule</c>, <c>ServiceMonitor</c>, <c>PodMonitor</c>) the rules and scrapes are declared with.
    /// </summary>
    public static HelmChart KubePrometheusStack { get; } = new("kube-prometheus-stack", "65.1.1", "https://prometheus-community.github.io/helm-charts");
}
