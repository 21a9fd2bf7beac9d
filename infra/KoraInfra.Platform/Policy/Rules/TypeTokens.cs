namespace KoraInfra.Platform.Policy.Rules;

/// <summary>The type tokens the rules look at.</summary>
internal static class TypeTokens
{
    public const string ResourceGroup = "azure-native:resources:ResourceGroup";
    public const string ManagedCluster = "azure-native:containerservice:ManagedCluster";
    public const string KeyVault = "azure-native:keyvault:Vault";
    public const string KeyVaultSecret = "azure-native:keyvault:Secret";
    public const string PostgreSqlServer = "azure-native:dbforpostgresql:Server";
    public const string PostgreSqlConfiguration = "azure-native:dbforpostgresql:Configuration";
    public const string Redis = "azure-native:redis:Redis";
    public const string KubernetesJob = "kubernetes:batch/v1:Job";
    public const string ConfigMap = "kubernetes:core/v1:ConfigMap";
    public const string ReleaseManifest = "kora:release:ReleaseManifest";
    public const string PrometheusRule = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";
    public const string StorageAccount = "azure-native:storage:StorageAccount";
    public const string AgentPool = "azure-native:containerservice:AgentPool";
    public const string VirtualNetwork = "azure-native:network:VirtualNetwork";
    public const string Subnet = "azure-native:network:Subnet";
    public const string NetworkSecurityGroup = "azure-native:network:NetworkSecurityGroup";
    public const string SecurityRule = "azure-native:network:SecurityRule";
    public const string PrivateEndpoint = "azure-native:network:PrivateEndpoint";
    public const string PrivateDnsZoneGroup = "azure-native:network:PrivateDnsZoneGroup";

    /// <summary>Azure resources that take no tags: sub-resources, assignments, settings.</summary>
    public static readonly IReadOnlySet<string> Untaggable = new HashSet<string>(StringComparer.Ordinal)
    {
        "azure-native:authorization:RoleAssignment",
        "azure-native:monitor:DiagnosticSetting",
        "azure-native:dbforpostgresql:Configuration",
        "azure-native:dbforpostgresql:Database",
        "azure-native:dbforpostgresql:FirewallRule",
        "azure-native:dbforpostgresql:Administrator",
        "azure-native:managedidentity:FederatedIdentityCredential",
        "azure-native:keyvault:Secret",
        "azure-native:storage:BlobContainer",
        "azure-native:storage:BlobContainerImmutabilityPolicy",
        "azure-native:network:Subnet",
        "azure-native:network:SecurityRule",
        "azure-native:network:PrivateDnsZoneGroup",
    };
}
