using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Workloads;
using Pulumi;
using Pulumi.AzureNative.Redis;
using Pulumi.AzureNative.Redis.Inputs;
using Authorization = Pulumi.AzureNative.Authorization;
using ManagedIdentity = Pulumi.AzureNative.ManagedIdentity;
using RedisPublicNetworkAccess = Pulumi.AzureNative.Redis.PublicNetworkAccess;
using Storage = Pulumi.AzureNative.Storage;

namespace KoraInfra.Components.Workloads;

/// <summary>
/// n8n's queue on Azure Cache for Redis, declared exactly as Platform decided (TLS only,
/// TLS 1.2, Entra, no eviction, zones and RDB snapshots in prod). Its access key leaves this
/// component only as a secret output, for the n8n Secret and the vault.
/// </summary>
public sealed class RedisCache : ComponentResource
{
    /// <summary>Declares the cache (and, with persistence, its snapshot storage and identity).</summary>
    public RedisCache(string name, RedisCacheArgs args, ComponentResourceOptions? options = null)
        : base("kora:workloads:RedisCache", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var tags = Tagging.ToInput(args.Tags);

        var configuration = new RedisCommonPropertiesRedisConfigurationArgs
        {
            AadEnabled = plan.EntraAuthentication ? "true" : "false",
            MaxmemoryPolicy = plan.MaxMemoryPolicy,
        };
        var redisArgs = new RedisArgs
        {
            Name = plan.Name,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Sku = new SkuArgs
            {
                Name = SkuNameOf(plan.Sku.Name),
                Family = SkuFamilyOf(plan.Sku.Family),
                Capacity = plan.Sku.Capacity,
            },
            EnableNonSslPort = plan.EnableNonSslPort,
            MinimumTlsVersion = TlsVersionOf(plan.MinimumTlsVersion),
            PublicNetworkAccess = plan.PublicNetworkAccess ? RedisPublicNetworkAccess.Enabled : RedisPublicNetworkAccess.Disabled,
            DisableAccessKeyAuthentication = plan.DisableAccessKeyAuthentication,
            RedisVersion = plan.RedisVersion,
            RedisConfiguration = configuration,
            Tags = tags,
        };
        if (plan.Zones.Count > 0)
        {
            redisArgs.Zones = plan.Zones.ToList();
        }

        if (plan.ReplicasPerPrimary is { } replicas)
        {
            redisArgs.ReplicasPerPrimary = replicas;
        }

        var dependsOn = new List<Resource>();
        if (plan.Persistence is { } persistence)
        {
            var grant = DeclareSnapshotStorage(persistence, args, tags, out var identity, out var blobEndpoint, out var snapshotAccountId);
            SnapshotAccountId = snapshotAccountId;
            configuration.RdbBackupEnabled = "true";
            configuration.RdbBackupFrequency = persistence.FrequencyMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            configuration.RdbBackupMaxSnapshotCount = persistence.MaxSnapshotCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            configuration.RdbStorageConnectionString = blobEndpoint;
            configuration.PreferredDataPersistenceAuthMethod = persistence.AuthMethod;
            redisArgs.Identity = new ManagedServiceIdentityArgs
            {
                Type = ManagedServiceIdentityType.UserAssigned,
                UserAssignedIdentities = { identity.Id },
            };

            // The identity must be allowed to write before the first snapshot is attempted.
            dependsOn.Add(grant);
        }

        var cache = new Redis("redis", redisArgs, new CustomResourceOptions { Parent = this, DependsOn = dependsOn });

        CacheId = cache.Id;
        CacheName = cache.Name;
        HostName = cache.HostName;
        SslPort = cache.SslPort;

        // The key of this rotation version (the run regenerated it before this up, while nobody
        // held it); marked secret here, so it is encrypted in state and never printed.
        var current = args.KeyRotation.Current;
        AccessKey = Output.CreateSecret(ListRedisKeys.Invoke(new ListRedisKeysInvokeArgs
        {
            Name = cache.Name,
            ResourceGroupName = args.ResourceGroupName,
        }).Apply(keys => current.Of(keys.PrimaryKey, keys.SecondaryKey)));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["cacheName"] = CacheName,
            ["hostName"] = HostName,
            ["sslPort"] = SslPort,
            ["accessKey"] = AccessKey,
        });
    }

    /// <summary>The cache's resource id (its private endpoint connects to it).</summary>
    public Output<string> CacheId { get; }

    /// <summary>The snapshot storage account's resource id, when the cache has persistence.</summary>
    public Output<string>? SnapshotAccountId { get; }

    /// <summary>The cache's name.</summary>
    public Output<string> CacheName { get; }

    /// <summary>The host name n8n connects to.</summary>
    public Output<string> HostName { get; }

    /// <summary>The TLS port.</summary>
    public Output<int> SslPort { get; }

    /// <summary>The access key consumers hold in this rotation version, primary or secondary (secret).</summary>
    public Output<string> AccessKey { get; }

    private Authorization.RoleAssignment DeclareSnapshotStorage(
        RdbPersistencePlan persistence,
        RedisCacheArgs args,
        Dictionary<string, string> tags,
        out ManagedIdentity.UserAssignedIdentity identity,
        out Output<string> blobEndpoint,
        out Output<string> accountId)
    {
        var account = new Storage.StorageAccount("redis-snapshots", new Storage.StorageAccountArgs
        {
            AccountName = persistence.StorageAccountName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Kind = Storage.Kind.StorageV2,

            // Snapshots survive a zone outage with the cache they belong to.
            Sku = new Storage.Inputs.SkuArgs { Name = Storage.SkuName.Standard_ZRS },
            MinimumTlsVersion = Storage.MinimumTlsVersion.TLS1_2,
            EnableHttpsTrafficOnly = true,
            AllowBlobPublicAccess = false,

            // Only Entra identities: the cache writes with its managed identity, no account key exists in use.
            AllowSharedKeyAccess = false,

            // Reached only through its private endpoint.
            PublicNetworkAccess = persistence.PublicNetworkAccess ? Storage.PublicNetworkAccess.Enabled : Storage.PublicNetworkAccess.Disabled,
            NetworkRuleSet = new Storage.Inputs.NetworkRuleSetArgs
            {
                DefaultAction = Storage.DefaultAction.Deny,
                Bypass = Storage.Bypass.AzureServices,
            },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        identity = new ManagedIdentity.UserAssignedIdentity("redis-persistence-identity", new ManagedIdentity.UserAssignedIdentityArgs
        {
            ResourceName = persistence.IdentityName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        accountId = account.Id;
        blobEndpoint = account.Name.Apply(accountName => $"BlobEndpoint=https://{accountName}.blob.core.windows.net/");
        return new Authorization.RoleAssignment("redis-writes-snapshots", new Authorization.RoleAssignmentArgs
        {
            PrincipalId = identity.PrincipalId,
            PrincipalType = Authorization.PrincipalType.ServicePrincipal,
            RoleDefinitionId = account.Id.Apply(id => SubscriptionScope(id) + "/providers/Microsoft.Authorization/roleDefinitions/" + RdbPersistencePlan.StorageBlobDataContributorRoleId),
            Scope = account.Id,
        }, new CustomResourceOptions { Parent = this });
    }

    // "/subscriptions/<id>/resourceGroups/…" → "/subscriptions/<id>": role definitions live at subscription scope.
    private static string SubscriptionScope(string resourceId) => string.Join('/', resourceId.Split('/').Take(3));

    private static SkuName SkuNameOf(RedisSkuName name) => name switch
    {
        RedisSkuName.Basic => SkuName.Basic,
        RedisSkuName.Standard => SkuName.Standard,
        RedisSkuName.Premium => SkuName.Premium,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an Azure Cache for Redis tier"),
    };

    private static SkuFamily SkuFamilyOf(RedisSkuFamily family) => family switch
    {
        RedisSkuFamily.C => SkuFamily.C,
        RedisSkuFamily.P => SkuFamily.P,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "not an Azure Cache for Redis family"),
    };

    private static TlsVersion TlsVersionOf(string version) => version switch
    {
        "1.2" => TlsVersion.TlsVersion_1_2,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "KoraOS accepts TLS 1.2 as the minimum only"),
    };
}
