namespace KoraInfra.Platform.Naming;

/// <summary>
/// Azure resource types KoraInfra names, with their Cloud Adoption Framework abbreviation and
/// Azure's naming limits (learn.microsoft.com: "Naming rules and restrictions for Azure resources").
/// </summary>
/// <param name="Abbreviation">The CAF abbreviation that starts the name.</param>
/// <param name="MaxLength">Azure's maximum name length.</param>
/// <param name="AllowsHyphens">Whether Azure accepts hyphens in this name.</param>
/// <param name="GloballyUnique">Whether the name is a DNS label shared by every Azure customer.</param>
public sealed record ResourceKind(string Abbreviation, int MaxLength, bool AllowsHyphens, bool GloballyUnique)
{
    /// <summary>Resource group (1-90).</summary>
    public static ResourceKind ResourceGroup { get; } = new("rg", 90, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>User-assigned managed identity (3-128).</summary>
    public static ResourceKind ManagedIdentity { get; } = new("id", 128, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>Log Analytics workspace (4-63).</summary>
    public static ResourceKind LogAnalyticsWorkspace { get; } = new("log", 63, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>AKS cluster (1-63).</summary>
    public static ResourceKind KubernetesCluster { get; } = new("aks", 63, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>Key Vault (3-24, global DNS name).</summary>
    public static ResourceKind KeyVault { get; } = new("kv", 24, AllowsHyphens: true, GloballyUnique: true);

    /// <summary>PostgreSQL flexible server (3-63, global DNS name).</summary>
    public static ResourceKind PostgreSqlServer { get; } = new("psql", 63, AllowsHyphens: true, GloballyUnique: true);

    /// <summary>Azure Cache for Redis (1-63, global DNS name).</summary>
    public static ResourceKind RedisCache { get; } = new("redis", 63, AllowsHyphens: true, GloballyUnique: true);

    /// <summary>Storage account (3-24, lowercase letters and digits only, global DNS name).</summary>
    public static ResourceKind StorageAccount { get; } = new("st", 24, AllowsHyphens: false, GloballyUnique: true);

    /// <summary>Virtual network (2-64).</summary>
    public static ResourceKind VirtualNetwork { get; } = new("vnet", 64, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>Subnet (1-80).</summary>
    public static ResourceKind Subnet { get; } = new("snet", 80, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>Network security group (1-80).</summary>
    public static ResourceKind NetworkSecurityGroup { get; } = new("nsg", 80, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>NAT gateway (1-80).</summary>
    public static ResourceKind NatGateway { get; } = new("ng", 80, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>Public IP address (1-80).</summary>
    public static ResourceKind PublicIpAddress { get; } = new("pip", 80, AllowsHyphens: true, GloballyUnique: false);

    /// <summary>Private endpoint (2-64).</summary>
    public static ResourceKind PrivateEndpoint { get; } = new("pep", 64, AllowsHyphens: true, GloballyUnique: false);
}
