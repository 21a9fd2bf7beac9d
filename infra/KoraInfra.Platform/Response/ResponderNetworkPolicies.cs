using KoraInfra.Platform.Network;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Response;

/// <summary>
/// What may talk to the responder, and what it may reach. Everything starts denied both ways;
/// then Alertmanager may deliver webhooks, Prometheus may scrape <c>/metrics</c>, and the
/// operators' path may use the API: the pipeline's runners in staging and prod (the network
/// capability's only way into a private cluster's workloads, docs/network.md) and, everywhere,
/// <c>kubectl port-forward</c>, which enters on the pod's loopback and which no policy filters
/// (Entra ID and Kubernetes RBAC admit the operator, the API token the request). The responder
/// reaches only DNS, PostgreSQL and Alertmanager's API.
/// </summary>
public static class ResponderNetworkPolicies
{
    /// <summary>The label kube-prometheus-stack's operator puts on every Alertmanager pod.</summary>
    public static IReadOnlyDictionary<string, string> AlertmanagerPods { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/name"] = "alertmanager" };

    /// <summary>The label the operator puts on every Prometheus pod.</summary>
    public static IReadOnlyDictionary<string, string> PrometheusPods { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/name"] = "prometheus" };

    /// <summary>The policies of the responder in an environment.</summary>
    /// <param name="runners">The pipeline's runners of the environment, or null (dev).</param>
    public static IReadOnlyList<NetworkPolicyPlan> For(PipelineRunnerPlan? runners)
    {
        var http = new[] { new TrafficPort(ResponderEndpoint.Port) };
        var ingress = new List<TrafficRule>
        {
            new([TrafficPeer.PodsIn(N8nNetworkPolicies.MonitoringNamespace, AlertmanagerPods)], http, "Alertmanager delivers the webhook (bearer token)"),
            new([TrafficPeer.PodsIn(N8nNetworkPolicies.MonitoringNamespace, PrometheusPods)], http, "Prometheus scrapes /metrics"),
        };
        if (runners is not null)
        {
            ingress.Add(new([TrafficPeer.Namespace(runners.RunnerNamespace)], http, "operators: kora incident and kora safe-mode from the pipeline's runners (API token)"));
        }

        var dnsPods = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["k8s-app"] = "kube-dns" };
        var egress = new List<TrafficRule>
        {
            new([TrafficPeer.PodsIn("kube-system", dnsPods)], [new TrafficPort(53, "UDP"), new TrafficPort(53, "TCP")], "cluster DNS"),

            // The server's private endpoint address is Azure's to assign: admitted by port, as for n8n.
            new([], [new TrafficPort(N8nNetworkPolicies.PostgreSqlPort)], "PostgreSQL (database kora, login kora_responder), TLS"),
            new([TrafficPeer.PodsIn(N8nNetworkPolicies.MonitoringNamespace, AlertmanagerPods)], [new TrafficPort(ResponderPlan.AlertmanagerPort)], "escalations posted to Alertmanager's API"),
        };

        return
        [
            new($"{ResponderEndpoint.Name}-default-deny", ResponderPlan.SelectorLabels, Ingress: [], Egress: []),
            new($"{ResponderEndpoint.Name}-ingress", ResponderPlan.SelectorLabels, Ingress: ingress, Egress: null),
            new($"{ResponderEndpoint.Name}-egress", ResponderPlan.SelectorLabels, Ingress: null, Egress: egress),
        ];
    }
}
