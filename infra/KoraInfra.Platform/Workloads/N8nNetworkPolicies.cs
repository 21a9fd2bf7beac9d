namespace KoraInfra.Platform.Workloads;

/// <summary>
/// What may talk to each part of n8n. Everything of n8n starts denied both ways; then main and
/// webhook processors admit the ingress controller, every n8n pod admits Prometheus on the
/// metrics port (workers admit nothing else), and n8n may reach only DNS, PostgreSQL, Redis and
/// public HTTPS (the APIs workflows call), never private ranges or the instance metadata service.
/// </summary>
public static class N8nNetworkPolicies
{
    /// <summary>The namespace Prometheus runs in (the monitoring capability's kube-prometheus-stack).</summary>
    public const string MonitoringNamespace = "monitoring";

    /// <summary>The port of Azure Database for PostgreSQL.</summary>
    public const int PostgreSqlPort = N8nDatabase.Port;

    /// <summary>Address ranges n8n's outbound HTTPS may not reach: private networks, link-local (instance metadata).</summary>
    public static IReadOnlyList<string> PrivateRanges { get; } = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10"];

    /// <summary>The policies of n8n (and of its in-cluster Redis, when there is one).</summary>
    public static IReadOnlyList<NetworkPolicyPlan> For(N8nPlanParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var http = new[] { new TrafficPort(N8nEnvironment.HttpPort) };
        var prometheus = new TrafficRule([TrafficPeer.Namespace(MonitoringNamespace)], http, "Prometheus scrapes /metrics");
        var fromIngress = new TrafficRule([TrafficPeer.Namespace(parts.Controller.Namespace)], http, "the ingress controller forwards public traffic");

        var policies = new List<NetworkPolicyPlan>
        {
            new("n8n-default-deny", N8nPlan.WorkloadSelector, Ingress: [], Egress: []),
            new("n8n-main", parts.Main.SelectorLabels, Ingress: [fromIngress, prometheus], Egress: null),
            new("n8n-worker", parts.Worker.SelectorLabels, Ingress: [prometheus], Egress: null),
            new("n8n-egress", N8nPlan.AppSelector, Ingress: null, Egress: Egress(parts.Redis)),
        };
        if (parts.Webhook is { } webhook)
        {
            policies.Add(new("n8n-webhook", webhook.SelectorLabels, Ingress: [fromIngress, prometheus], Egress: null));
        }

        if (parts.Redis.InCluster is { } local)
        {
            var n8nPods = new TrafficRule([TrafficPeer.Pods(N8nPlan.AppSelector)], [new TrafficPort(InClusterRedisPlan.Port)], "n8n's processes use the queue");
            policies.Add(new(local.Name, local.Labels.Where(l => l.Key == "app.kubernetes.io/name").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), Ingress: [n8nPods], Egress: null));
        }

        return policies;
    }

    private static List<TrafficRule> Egress(RedisPlan redis)
    {
        var dnsPods = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["k8s-app"] = "kube-dns" };
        var rules = new List<TrafficRule>
        {
            new([TrafficPeer.PodsIn("kube-system", dnsPods)], [new TrafficPort(53, "UDP"), new TrafficPort(53, "TCP")], "cluster DNS"),

            // The server's private endpoint address is Azure's to assign: admitted by port.
            new([], [new TrafficPort(PostgreSqlPort)], "PostgreSQL (database n8n), TLS"),
        };
        rules.Add(redis.InCluster is { } local
            ? new TrafficRule([TrafficPeer.Pods(local.Labels.Where(l => l.Key == "app.kubernetes.io/name").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal))], [new TrafficPort(InClusterRedisPlan.Port)], "the in-cluster queue")
            : new TrafficRule([], [new TrafficPort(AzureRedisPlan.TlsPort)], "Azure Cache for Redis, TLS port only"));
        rules.Add(new TrafficRule([new TrafficPeer(null, null, "0.0.0.0/0", PrivateRanges)], [new TrafficPort(443)], "public HTTPS APIs that workflows call; never private ranges or instance metadata"));
        return rules;
    }
}

/// <summary>What the policies are written for.</summary>
/// <param name="Main">The main process.</param>
/// <param name="Worker">The workers.</param>
/// <param name="Webhook">The webhook processors, if any.</param>
/// <param name="Redis">The queue.</param>
/// <param name="Controller">The ingress controller.</param>
public sealed record N8nPlanParts(N8nProcessPlan Main, N8nProcessPlan Worker, N8nProcessPlan? Webhook, RedisPlan Redis, IngressController Controller);
