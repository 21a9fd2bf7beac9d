namespace KoraInfra.Platform.Workloads;

/// <summary>
/// A throwaway Redis for a developer's existing cluster: one pod, no persistence, a generated
/// password, reachable only from n8n's pods. Without TLS: a local cluster has no certificate
/// authority to issue one, the traffic never leaves the cluster and the data is synthetic.
/// </summary>
/// <param name="Name">The Deployment, Service and Secret name.</param>
/// <param name="Image">The Redis image (a tag is allowed: dev only).</param>
/// <param name="Resources">Requests and limits.</param>
public sealed record InClusterRedisPlan(string Name, ContainerImage Image, ResourceSizing Resources)
{
    /// <summary>The plain Redis port.</summary>
    public const int Port = 6379;

    /// <summary>The uid of the <c>redis</c> user in the official image.</summary>
    public const int RunAsUser = 999;

    /// <summary>The key of the password in the Redis Secret.</summary>
    public const string PasswordKey = "password";

    /// <summary>The labels the pod carries and the Service selects.</summary>
    public IReadOnlyDictionary<string, string> Labels => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = Name,
        ["app.kubernetes.io/component"] = "queue",
        ["app.kubernetes.io/part-of"] = "koraos",
        [N8nPlan.WorkloadLabel] = N8nPlan.AppName,
    };

    /// <summary>
    /// The server's arguments: the password from the environment (expanded by Kubernetes), no
    /// snapshots or append-only file (throwaway), and no eviction of queued jobs.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; } =
        ["--requirepass", "$(REDIS_PASSWORD)", "--save", string.Empty, "--appendonly", "no", "--maxmemory-policy", "noeviction"];

    /// <summary>The host name n8n connects to, inside the workload namespace.</summary>
    public string Host(string workloadNamespace) => $"{Name}.{workloadNamespace}.svc.cluster.local";
}
