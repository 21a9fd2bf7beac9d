namespace KoraInfra.Platform.Workloads;

/// <summary>An Azure Cache for Redis, fully decided.</summary>
/// <param name="Name">The cache name (a global DNS label).</param>
/// <param name="Sku">Tier, family and capacity.</param>
/// <param name="PublicNetworkAccess">Whether the cache answers on its public endpoint.</param>
/// <param name="EntraAuthentication">Whether Microsoft Entra ID tokens are accepted (operators and the platform runtime).</param>
/// <param name="Zones">Availability zones the nodes spread over; empty when not zone-redundant.</param>
/// <param name="ReplicasPerPrimary">Replicas besides the primary (Premium); null leaves Azure's default.</param>
/// <param name="Persistence">RDB snapshots, or null.</param>
public sealed record AzureRedisPlan(
    string Name,
    RedisSku Sku,
    bool PublicNetworkAccess,
    bool EntraAuthentication,
    IReadOnlyList<string> Zones,
    int? ReplicasPerPrimary,
    RdbPersistencePlan? Persistence)
{
    /// <summary>The TLS port; the non-TLS port (6379) is never enabled.</summary>
    public const int TlsPort = 6380;

    /// <summary>Plain-text connections: off in every environment.</summary>
    public bool EnableNonSslPort { get; init; }

    /// <summary>The oldest TLS version the cache accepts.</summary>
    public string MinimumTlsVersion { get; init; } = "1.2";

    /// <summary>
    /// Access keys stay enabled: n8n's queue client (Bull on ioredis) authenticates with a
    /// password and cannot refresh Entra tokens. The key lives in the vault and in the n8n
    /// Secret, never in a clear output.
    /// </summary>
    public bool DisableAccessKeyAuthentication { get; init; }

    /// <summary>
    /// A queue must never lose jobs to memory pressure: Redis answers writes with an error
    /// instead of evicting keys (Azure's default, volatile-lru, may drop queued executions).
    /// </summary>
    public string MaxMemoryPolicy { get; init; } = "noeviction";

    /// <summary>The Redis major version.</summary>
    public string RedisVersion { get; init; } = "6";
}
