namespace KoraInfra.Platform.Workloads;

/// <summary>
/// RDB snapshots of the cache (Premium only), written with the cache's own managed identity to
/// a storage account that accepts no shared key.
/// </summary>
/// <param name="StorageAccountName">The storage account receiving the snapshots.</param>
/// <param name="IdentityName">The user-assigned identity the cache writes with, granted before the cache exists.</param>
/// <param name="FrequencyMinutes">Minutes between snapshots (Azure accepts 15, 30, 60, 360, 720, 1440).</param>
/// <param name="MaxSnapshotCount">Snapshots kept (Azure keeps only the latest on this tier).</param>
public sealed record RdbPersistencePlan(string StorageAccountName, string IdentityName, int FrequencyMinutes, int MaxSnapshotCount)
{
    /// <summary>The storage role that lets the cache write its snapshots: Storage Blob Data Contributor.</summary>
    public const string StorageBlobDataContributorRoleId = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    /// <summary>How the cache authenticates to the storage account (no connection string with a key).</summary>
    public string AuthMethod { get; init; } = "ManagedIdentity";

    /// <summary>
    /// The snapshot account refuses public traffic: it is reached through its private endpoint
    /// (prod, the only environment with snapshots, accepts no public traffic).
    /// </summary>
    public bool PublicNetworkAccess { get; init; }
}
