using System.Globalization;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Workloads;

/// <summary>
/// n8n in queue mode, fully decided: one main (HA deferred, risk R-DO-005), workers sized per
/// environment, webhook processors where they pay off, the routing, the pod security, the
/// network policies and the disruption budgets.
/// </summary>
/// <param name="Image">The n8n image every process runs (one version everywhere).</param>
/// <param name="Main">The main process: exactly one replica.</param>
/// <param name="Worker">The workers.</param>
/// <param name="Webhook">The webhook processors; null when main takes webhooks.</param>
/// <param name="Security">The pods' security context.</param>
/// <param name="Routing">The public entry.</param>
/// <param name="NetworkPolicies">Who may talk to what.</param>
/// <param name="DisruptionBudgets">What a node drain may take at once.</param>
public sealed record N8nPlan(
    ContainerImage Image,
    N8nProcessPlan Main,
    N8nProcessPlan Worker,
    N8nProcessPlan? Webhook,
    PodSecurity Security,
    N8nRouting Routing,
    IReadOnlyList<NetworkPolicyPlan> NetworkPolicies,
    IReadOnlyList<DisruptionBudgetPlan> DisruptionBudgets)
{
    /// <summary>The <c>app.kubernetes.io/name</c> of every n8n object (monitoring's ServiceMonitor selects it).</summary>
    public const string AppName = "n8n";

    /// <summary>The label that marks every pod of this capability, for the default-deny policy.</summary>
    public const string WorkloadLabel = "kora.io/workload";

    /// <summary>
    /// Main is never scaled out: n8n's multi-main mode is the deferred HA decision (R-DO-005,
    /// PC-P1-01); two plain mains would both run every trigger and timer.
    /// </summary>
    public const int MainReplicas = 1;

    /// <summary>The node topology key.</summary>
    public const string HostnameTopologyKey = "kubernetes.io/hostname";

    /// <summary>The availability-zone topology key.</summary>
    public const string ZoneTopologyKey = "topology.kubernetes.io/zone";

    /// <summary>Labels on every n8n object.</summary>
    public static IReadOnlyDictionary<string, string> CommonLabels { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = AppName,
        ["app.kubernetes.io/part-of"] = "koraos",
        ["app.kubernetes.io/managed-by"] = "pulumi",
        [WorkloadLabel] = AppName,
    };

    /// <summary>Selects every n8n process.</summary>
    public static IReadOnlyDictionary<string, string> AppSelector { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/name"] = AppName };

    /// <summary>Selects every pod of this capability (n8n and its in-cluster Redis).</summary>
    public static IReadOnlyDictionary<string, string> WorkloadSelector { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal) { [WorkloadLabel] = AppName };

    /// <summary>Every process, main first.</summary>
    public IEnumerable<N8nProcessPlan> Processes => Webhook is null ? [Main, Worker] : [Main, Worker, Webhook];

    /// <summary>Decides n8n for a stack.</summary>
    /// <param name="settings">The stack's settings (image, host, tier).</param>
    /// <param name="redis">The queue.</param>
    public static N8nPlan For(StackSettings settings, RedisPlan redis)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(redis);
        var profile = settings.Environment;
        var image = settings.Workloads.N8nImage;
        var violation = ImagePolicy.Violation(image, profile);
        if (violation is not null)
        {
            // The settings binder rejects this already; a plan must never carry it either.
            throw new ArgumentException(violation, nameof(settings));
        }

        var host = settings.Workloads.N8nHost;
        var sizing = N8nSizing.For(settings.SizingTier);
        var webhooks = sizing.WebhookReplicas > 0;
        IReadOnlyList<N8nVariable> Env(N8nProcess process) => N8nEnvironment.For(process, profile, redis.Endpoint, host, webhooks);

        var main = new N8nProcessPlan(
            N8nProcess.Main, "n8n-main", MainReplicas, ["start"], sizing.Main, Env(N8nProcess.Main),
            Liveness: new HttpProbe(HttpProbe.LivenessPath, N8nEnvironment.HttpPort, 10, 5, 6),
            Readiness: new HttpProbe(HttpProbe.ReadinessPath, N8nEnvironment.HttpPort, 10, 5, 3),

            // Main runs the database migrations of a new version before it answers: up to 10 minutes.
            Startup: new HttpProbe(HttpProbe.LivenessPath, N8nEnvironment.HttpPort, 10, 5, 60),
            TerminationGracePeriodSeconds: N8nEnvironment.ServerShutdownSeconds + 15);
        var worker = new N8nProcessPlan(
            N8nProcess.Worker, "n8n-worker", sizing.WorkerReplicas,
            ["worker", "--concurrency=" + sizing.WorkerConcurrency.ToString(CultureInfo.InvariantCulture)],
            sizing.Worker, Env(N8nProcess.Worker),
            Liveness: new HttpProbe(HttpProbe.LivenessPath, N8nEnvironment.HttpPort, 10, 5, 6),
            Readiness: new HttpProbe(HttpProbe.ReadinessPath, N8nEnvironment.HttpPort, 10, 5, 3),
            Startup: new HttpProbe(HttpProbe.LivenessPath, N8nEnvironment.HttpPort, 10, 5, 30),

            // Running executions finish before the pod goes.
            TerminationGracePeriodSeconds: N8nEnvironment.WorkerShutdownSeconds + 30);
        var webhook = webhooks
            ? new N8nProcessPlan(
                N8nProcess.Webhook, "n8n-webhook", sizing.WebhookReplicas, ["webhook"], sizing.Webhook, Env(N8nProcess.Webhook),
                Liveness: new HttpProbe(HttpProbe.LivenessPath, N8nEnvironment.HttpPort, 10, 5, 6),
                Readiness: new HttpProbe(HttpProbe.ReadinessPath, N8nEnvironment.HttpPort, 10, 5, 3),
                Startup: new HttpProbe(HttpProbe.LivenessPath, N8nEnvironment.HttpPort, 10, 5, 30),
                TerminationGracePeriodSeconds: N8nEnvironment.ServerShutdownSeconds + 15)
            : null;

        // Scaled-out processes spread over nodes, and over zones where the environment is zone-redundant.
        IReadOnlyList<string> spread = profile.ZoneRedundant && settings.Region.HasAvailabilityZones
            ? [HostnameTopologyKey, ZoneTopologyKey]
            : [HostnameTopologyKey];
        worker = worker with { SpreadTopologyKeys = spread };
        webhook = webhook is null ? null : webhook with { SpreadTopologyKeys = spread };

        var controller = settings.Cluster.Mode == ClusterMode.Managed ? IngressController.AksApplicationRouting : IngressController.IngressNginx;
        var routes = webhook is null
            ? new[] { new N8nRoute("/", main.Name) }
            : [new N8nRoute("/webhook/", webhook.Name), new N8nRoute("/", main.Name)];
        var routing = new N8nRouting(host, controller, "n8n-tls", routes);

        var budgets = new List<DisruptionBudgetPlan> { new("n8n-worker", worker.SelectorLabels, MaxUnavailable: 1) };
        if (webhook is not null)
        {
            budgets.Add(new("n8n-webhook", webhook.SelectorLabels, MaxUnavailable: 1));
        }

        return new N8nPlan(
            image, main, worker, webhook, PodSecurity.N8n, routing,
            N8nNetworkPolicies.For(new N8nPlanParts(main, worker, webhook, redis, controller)),
            budgets);
    }
}
