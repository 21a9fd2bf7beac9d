using System.Globalization;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// The experiments as data: each decided from the stack's own plans (workload namespace, n8n's
/// labels, the Redis cache, the PostgreSQL server and its HA mode), never from names typed twice.
/// </summary>
public static class FaultExperiments
{
    /// <summary>
    /// The longest a fault may last: the seed's P0 initial containment (<c>contencao inicial &lt;= 15
    /// min</c>). A longer outage tests nothing the plan asks for and keeps staging broken for longer.
    /// </summary>
    public static TimeSpan MaximumDuration { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest: one Prometheus evaluation interval, so at least one sample falls inside it.</summary>
    public static TimeSpan MinimumDuration { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The label every experiment resource carries with its experiment's name.</summary>
    public const string ExperimentLabel = "kora.io/experiment";

    /// <summary>Fault injection runs in staging only (seed section 3); null when the stack is staging.</summary>
    public static string? OutsideStaging(string stack) => stack == "staging"
        ? null
        : $"--stack '{stack}': fault injection runs in staging only (seed section 3: staging must run smoke, migracao+rollback, restore drill, fault injection e RTM P0); expected --stack staging";

    /// <summary>
    /// The experiments the stack's own plans allow, whatever a run chooses (duration, subscription):
    /// in staging the ones the RC gate wants a passing record of. postgres-failover is not among
    /// them where the server has no zone-redundant standby.
    /// </summary>
    public static IReadOnlyList<FaultExperimentKind> RunnableIn(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Enum.GetValues<FaultExperimentKind>().Where(k => StackRefusal(settings, k) is null).ToList();
    }

    /// <summary>Why the stack's own plans (not a run's choices) rule an experiment out, or null when they allow it.</summary>
    public static string? StackRefusal(StackSettings settings, FaultExperimentKind kind)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return kind switch
        {
            FaultExperimentKind.RedisPartition => RedisRefusal(settings, WorkloadsPlan.For(settings, KubernetesTarget.For(settings.Environment, settings.Cluster.Context).WorkloadNamespace)),
            FaultExperimentKind.PostgresFailover => PostgresRefusal(settings),
            _ => null,
        };
    }

    /// <summary>Decides an experiment for a stack, or refuses it with the reason.</summary>
    public static FaultExperimentDecision Decide(StackSettings settings, FaultExperimentKind kind, FaultExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Duration < MinimumDuration || options.Duration > MaximumDuration)
        {
            return Refused(string.Create(CultureInfo.InvariantCulture, $"duration {options.Duration.TotalMinutes:0.##} min is out of bounds; expected {MinimumDuration.TotalMinutes:0} to {MaximumDuration.TotalMinutes:0} min (a fault lasts at most the P0 initial containment, contencao inicial <= 15 min)"));
        }

        var target = KubernetesTarget.For(settings.Environment, settings.Cluster.Context);
        var workloads = WorkloadsPlan.For(settings, target.WorkloadNamespace);
        var name = ResourceName(kind, options.RunId);
        return kind switch
        {
            FaultExperimentKind.N8nWorkerPodKill => Decided(new FaultExperiment(
                kind,
                "killing one n8n worker pod loses no execution: the queue hands its work to the other workers, and replay_backlog, ack_to_enqueue_gap p95 and redis_fallback_rate stay within their warning thresholds once the pod is replaced",
                options.Duration,
                new ChaosMeshResource("PodChaos", name, target.WorkloadNamespace, Labels(kind), new YamlMap
                {
                    { "action", "pod-kill" },
                    { "mode", "one" },
                    { "selector", Selector(target.WorkloadNamespace, workloads.N8n.Worker.SelectorLabels) },

                    // No grace: a crash, not a polite shutdown, is what the queue must survive.
                    { "gracePeriod", 0 },
                }),
                null)),
            FaultExperimentKind.RedisPartition => RedisPartition(settings, workloads, target, name, options),
            FaultExperimentKind.PostgresFailover => PostgresFailover(settings, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an experiment"),
        };
    }

    private static FaultExperimentDecision RedisPartition(StackSettings settings, WorkloadsPlan workloads, KubernetesTarget target, string name, FaultExperimentOptions options)
    {
        if (workloads.Redis.Azure is not { } cache)
        {
            return Refused(RedisRefusal(settings, workloads)!);
        }

        // Every KoraOS pod of the workload namespace (n8n and the runtime) loses its route to the
        // cache's host; Chaos Mesh resolves the name as the pods do (through the private DNS zone).
        var spec = new YamlMap
        {
            { "action", "partition" },
            { "mode", "all" },
            { "selector", Selector(target.WorkloadNamespace, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/part-of"] = "koraos" }) },
            { "direction", "to" },
            { "externalTargets", new[] { cache.Name + ".redis.cache.windows.net" } },
            { "duration", Duration(options.Duration) },
        };
        return Decided(new FaultExperiment(
            FaultExperimentKind.RedisPartition,
            "with Redis unreachable the platform keeps serving through the fallback path (redis_fallback_rate rises) and, once Redis is back, replay drains and replay_backlog, ack_to_enqueue_gap p95 and redis_fallback_rate return within their warning thresholds",
            options.Duration,
            new ChaosMeshResource("NetworkChaos", name, target.WorkloadNamespace, Labels(FaultExperimentKind.RedisPartition), spec),
            null));
    }

    private static FaultExperimentDecision PostgresFailover(StackSettings settings, FaultExperimentOptions options)
    {
        var server = settings.Names.Name(ResourceKind.PostgreSqlServer);
        if (PostgresRefusal(settings) is { } refusal)
        {
            return Refused(refusal);
        }

        if (string.IsNullOrWhiteSpace(options.SubscriptionId) || !Guid.TryParse(options.SubscriptionId, out _))
        {
            return Refused($"postgres-failover sends an Azure request and needs the subscription id of '{server}'; found '{options.SubscriptionId}', expected a GUID (--subscription or AZURE_SUBSCRIPTION_ID)");
        }

        return Decided(new FaultExperiment(
            FaultExperimentKind.PostgresFailover,
            "a forced failover to the zone-redundant standby is absorbed: the application reconnects to the new primary and replay_backlog, ack_to_enqueue_gap p95 and redis_fallback_rate return within their warning thresholds",
            options.Duration,
            null,
            new PostgresFailoverRequest(options.SubscriptionId, settings.Names.Name(ResourceKind.ResourceGroup), server)));
    }

    private static string? RedisRefusal(StackSettings settings, WorkloadsPlan workloads) => workloads.Redis.Azure is null
        ? $"redis-partition cuts the KoraOS pods off from the stack's Azure Cache for Redis; {settings.Environment.StackName} runs an in-cluster Redis (kora-infra:cluster.mode existing), which staging never does"
        : null;

    private static string? PostgresRefusal(StackSettings settings)
    {
        if (TenantDatabasePlan.HighAvailabilityFor(settings) == DatabaseHighAvailability.ZoneRedundant)
        {
            return null;
        }

        var why = settings.Environment.ZoneRedundant
            ? $"its region '{settings.Region.Name}' has no availability zones"
            : $"the {settings.Environment.StackName} profile is not zone-redundant (only prod is)";
        return $"postgres-failover needs a zone-redundant HA standby to fail over to; the {settings.Environment.StackName} server '{settings.Names.Name(ResourceKind.PostgreSqlServer)}' has high availability Disabled because {why}; run the restore drill (kora drill restore) for this stack's recovery instead";
    }

    private static string ResourceName(FaultExperimentKind kind, string runId)
    {
        var tag = new string(runId.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var name = $"kora-{FaultExperimentNames.Of(kind)}-{tag}".TrimEnd('-');

        // A Kubernetes object name is a DNS-1123 subdomain; Chaos Mesh labels its pods with it (63).
        return name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }

    private static Dictionary<string, string> Labels(FaultExperimentKind kind) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/part-of"] = "koraos",
        ["app.kubernetes.io/managed-by"] = "kora",
        [ExperimentLabel] = FaultExperimentNames.Of(kind),
    };

    private static YamlMap Selector(string workloadNamespace, IReadOnlyDictionary<string, string> labels)
    {
        var selector = new YamlMap();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            selector.Add(key, value);
        }

        return new YamlMap { { "namespaces", new[] { workloadNamespace } }, { "labelSelectors", selector } };
    }

    private static string Duration(TimeSpan duration) =>
        duration.Seconds == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m") : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s");

    private static FaultExperimentDecision Decided(FaultExperiment experiment) => new(experiment, null);

    private static FaultExperimentDecision Refused(string why) => new(null, why);
}
