namespace KoraInfra.Platform.Network;

/// <summary>A PaaS data plane reached through a private endpoint.</summary>
public enum PrivateService
{
    /// <summary>Azure Key Vault.</summary>
    KeyVault,

    /// <summary>Azure Database for PostgreSQL flexible server.</summary>
    PostgreSql,

    /// <summary>Azure Cache for Redis.</summary>
    Redis,

    /// <summary>Azure Storage, blob service.</summary>
    Blob,
}

/// <summary>What Azure's Private Link expects of each service: the sub-resource (group id), the exact private DNS zone, the port.</summary>
public static class PrivateServices
{
    /// <summary>Every service, in declaration order.</summary>
    public static IReadOnlyList<PrivateService> All { get; } = [PrivateService.KeyVault, PrivateService.PostgreSql, PrivateService.Redis, PrivateService.Blob];

    /// <summary>
    /// The private DNS zone whose A record the zone group writes: clients keep using the public
    /// host name (<c>kv-….vault.azure.net</c>), whose CNAME points into this zone.
    /// </summary>
    public static string ZoneName(PrivateService service) => service switch
    {
        PrivateService.KeyVault => "privatelink.vaultcore.azure.net",
        PrivateService.PostgreSql => "privatelink.postgres.database.azure.com",
        PrivateService.Redis => "privatelink.redis.cache.windows.net",
        PrivateService.Blob => "privatelink.blob.core.windows.net",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a private service"),
    };

    /// <summary>The Private Link sub-resource (<c>groupIds</c>) of the service.</summary>
    public static string GroupId(PrivateService service) => service switch
    {
        PrivateService.KeyVault => "vault",
        PrivateService.PostgreSql => "postgresqlServer",
        PrivateService.Redis => "redisCache",
        PrivateService.Blob => "blob",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a private service"),
    };

    /// <summary>The TCP port clients use (TLS everywhere; Redis's TLS port).</summary>
    public static int Port(PrivateService service) => service switch
    {
        PrivateService.KeyVault or PrivateService.Blob => 443,
        PrivateService.PostgreSql => 5432,
        PrivateService.Redis => 6380,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a private service"),
    };

    /// <summary>The public host suffix whose CNAME leads into <see cref="ZoneName"/>.</summary>
    public static string PublicSuffix(PrivateService service) => service switch
    {
        PrivateService.KeyVault => "vault.azure.net",
        PrivateService.PostgreSql => "postgres.database.azure.com",
        PrivateService.Redis => "redis.cache.windows.net",
        PrivateService.Blob => "blob.core.windows.net",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a private service"),
    };
}
