using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Workloads;

/// <summary>n8n's queue, decided per stack: an Azure cache, or a throwaway pod on a developer's cluster.</summary>
/// <param name="Hosting">Where the queue lives.</param>
/// <param name="Azure">The Azure cache, when <see cref="Hosting"/> is <see cref="RedisHosting.AzureCache"/>.</param>
/// <param name="InCluster">The in-cluster Redis, when <see cref="Hosting"/> is <see cref="RedisHosting.InCluster"/>.</param>
/// <param name="Endpoint">How n8n connects.</param>
public sealed record RedisPlan(RedisHosting Hosting, AzureRedisPlan? Azure, InClusterRedisPlan? InCluster, RedisEndpoint Endpoint)
{
    /// <summary>The image of the in-cluster Redis (dev only, so a version tag is enough).</summary>
    public static ContainerImage InClusterImage { get; } = ContainerImage.Parse("redis:7.4-alpine");

    /// <summary>Decides the queue of a stack.</summary>
    public static RedisPlan For(StackSettings settings, string workloadNamespace)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (HostingFor(settings) == RedisHosting.InCluster)
        {
            var local = new InClusterRedisPlan("n8n-redis", InClusterImage, new ResourceSizing("50m", "64Mi", "500m", "256Mi"));
            return new RedisPlan(RedisHosting.InCluster, null, local, new RedisEndpoint(local.Host(workloadNamespace), InClusterRedisPlan.Port, Tls: false));
        }

        var profile = settings.Environment;
        var sku = SkuFor(settings.SizingTier);
        var zones = profile.ZoneRedundant && settings.Region.HasAvailabilityZones && sku.Name == RedisSkuName.Premium ? new[] { "1", "2", "3" } : [];
        var azure = new AzureRedisPlan(
            Name: settings.Names.Name(ResourceKind.RedisCache),
            Sku: sku,
            PublicNetworkAccess: profile.AllowsPublicNetworkAccess,
            EntraAuthentication: SupportsEntraAuthentication(sku.Name),

            // One node per zone: the primary and two replicas.
            Zones: zones,
            ReplicasPerPrimary: zones.Length > 0 ? zones.Length - 1 : null,
            Persistence: sku.Name == RedisSkuName.Premium && profile.Name == EnvironmentName.Prod
                ? new RdbPersistencePlan(settings.Names.Name(ResourceKind.StorageAccount, "redis"), settings.Names.Name(ResourceKind.ManagedIdentity, "redis"), FrequencyMinutes: 60, MaxSnapshotCount: 1) { PublicNetworkAccess = profile.AllowsPublicNetworkAccess }
                : null);
        return new RedisPlan(RedisHosting.AzureCache, azure, null, new RedisEndpoint(null, AzureRedisPlan.TlsPort, Tls: true));
    }

    /// <summary>
    /// An existing cluster is a developer's local or throwaway cluster (only dev may use one):
    /// it cannot reach a cache without public access through a private endpoint, and a cache per
    /// developer would cost more than the cluster. Every AKS stack gets Azure Cache for Redis.
    /// </summary>
    public static RedisHosting HostingFor(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Cluster.Mode == ClusterMode.Existing ? RedisHosting.InCluster : RedisHosting.AzureCache;
    }

    /// <summary>
    /// The cache size of a sizing tier: Basic C0 for development, Standard C1 (replicated, with
    /// an SLA) near production, Premium P1 in production for zones and persistence.
    /// </summary>
    public static RedisSku SkuFor(SizingTier tier) => tier switch
    {
        SizingTier.Small => new RedisSku(RedisSkuName.Basic, RedisSkuFamily.C, 0),
        SizingTier.Medium => new RedisSku(RedisSkuName.Standard, RedisSkuFamily.C, 1),
        SizingTier.Large => new RedisSku(RedisSkuName.Premium, RedisSkuFamily.P, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a sizing tier"),
    };

    /// <summary>
    /// Microsoft Entra authentication is offered by every Azure Cache for Redis tier (Basic,
    /// Standard, Premium); the Enterprise tiers, which KoraOS does not use, differ.
    /// </summary>
    public static bool SupportsEntraAuthentication(RedisSkuName tier) => tier switch
    {
        RedisSkuName.Basic or RedisSkuName.Standard or RedisSkuName.Premium => true,
        _ => false,
    };
}
