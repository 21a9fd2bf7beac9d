using KoraInfra.Platform.Workloads;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace KoraInfra.Components.Workloads;

/// <summary>What <see cref="InClusterRedis"/> needs.</summary>
public sealed class InClusterRedisArgs
{
    /// <summary>The in-cluster Redis, fully decided.</summary>
    public required InClusterRedisPlan Plan { get; init; }

    /// <summary>The explicit Kubernetes provider.</summary>
    public required K8s.Provider Provider { get; init; }

    /// <summary>The workload namespace.</summary>
    public required Output<string> Namespace { get; init; }
}
