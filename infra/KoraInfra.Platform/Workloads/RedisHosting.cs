namespace KoraInfra.Platform.Workloads;

/// <summary>Where n8n's queue lives.</summary>
public enum RedisHosting
{
    /// <summary>Azure Cache for Redis, declared by the stack.</summary>
    AzureCache,

    /// <summary>
    /// A throwaway Redis pod in the workload namespace: only for a developer's existing
    /// (local) cluster, which cannot reach a private Azure cache and holds synthetic data only.
    /// </summary>
    InCluster,
}
