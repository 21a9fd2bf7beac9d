using KoraInfra.Components.Cluster;
using KoraInfra.Components.Database;
using KoraInfra.Components.Foundation;
using KoraInfra.Components.Monitoring;
using KoraInfra.Components.Release;
using KoraInfra.Components.Workloads;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Workloads;
using Pulumi;
using Pulumi.Random;

namespace KoraInfra;

/// <summary>
/// The KoraOS platform of one stack: settings validated by Platform first, then each capability
/// declared from Platform's decisions.
/// </summary>
public sealed class KoraStack : Stack
{
    /// <summary>Declares the stack.</summary>
    public KoraStack()
    {
        var settings = StackSettingsLoader.Load();

        // Staging and prod declare nothing until a signed release manifest for them verifies.
        var release = ReleaseGuard.Admit(settings);
        if (release is not null)
        {
            _ = new ReleaseManifestRecord("release", ReleaseManifestRecordArgs.From(release));
        }

        var plan = FoundationPlan.For(settings);

        var foundation = new PlatformFoundation("foundation", new PlatformFoundationArgs { Plan = plan });
        var cluster = new KubernetesCluster("cluster", new KubernetesClusterArgs
        {
            Plan = plan,
            ResourceGroupName = foundation.ResourceGroupName,
            LogWorkspaceId = foundation.LogWorkspaceId,
            ExistingKubeconfig = plan.Kubernetes.IsManaged ? null : new Config().RequireSecret("kubeconfig"),
        });

        // The migration Job runs the release's kora tools image by digest; without one (dev, or a
        // release that does not carry it) the branch image, which the policy pack rejects in
        // staging and prod.
        var migrations = MigrationSet.Locate(Directory.GetCurrentDirectory());
        var database = new TenantDatabase("database", new TenantDatabaseArgs
        {
            Plan = TenantDatabasePlan.For(settings, MigrationSet.Fingerprint(migrations), TenantDatabasePlan.ReleasedToolsImage(release?.Manifest.Images)),
            ResourceGroupName = foundation.ResourceGroupName,
            KubernetesProvider = cluster.Provider,
            Namespace = cluster.WorkloadNamespace,
        });

        _ = new MonitoringStack("monitoring", new MonitoringStackArgs
        {
            Plan = MonitoringPlan.For(settings),
            Provider = cluster.Provider,
            VaultReaderClientId = foundation.PlatformIdentityClientId,
            TenantId = foundation.PlatformIdentityTenantId,
        });

        if (ReleaseStorePlan.For(settings) is { } store)
        {
            _ = new ReleaseStore("release-store", new ReleaseStoreArgs { Plan = store, ResourceGroupName = foundation.ResourceGroupName });
        }

        var workloads = WorkloadsPlan.For(settings, plan.Kubernetes.WorkloadNamespace);
        var queue = DeclareQueue(workloads, plan, foundation, cluster);

        // Seams until the secrets (issue 4) capability lands. The database host is the tenant
        // database server's; the `n8n` login role and its password (vault: postgres-n8n-password)
        // are still to be created on it; the secrets capability will generate n8n-encryption-key
        // and write it, and the Redis access key (queue.Password), to the vault. The encryption
        // key must keep its value when it moves there (alias the resource): n8n cannot re-key.
        var n8nDatabasePassword = new RandomPassword(N8nSecrets.DatabasePasswordKey, new RandomPasswordArgs { Length = 32, Special = false });
        var n8nEncryptionKey = new RandomPassword(N8nSecrets.EncryptionKeyKey, new RandomPasswordArgs { Length = 48, Special = false });

        var n8n = new N8nWorkloads("n8n", new N8nWorkloadsArgs
        {
            Plan = workloads.N8n,
            Provider = cluster.Provider,
            Namespace = cluster.WorkloadNamespace,
            DatabaseHost = database.FullyQualifiedDomainName,
            DatabasePassword = Output.CreateSecret(n8nDatabasePassword.Result),
            RedisHost = queue.Host,
            RedisPassword = queue.Password,
            EncryptionKey = Output.CreateSecret(n8nEncryptionKey.Result),
        });

        ResourceGroupName = foundation.ResourceGroupName;
        LogWorkspaceId = foundation.LogWorkspaceId;
        PlatformIdentityClientId = foundation.PlatformIdentityClientId;
        ClusterName = cluster.ClusterName;
        Kubeconfig = cluster.Kubeconfig;
        WorkloadNamespace = cluster.WorkloadNamespace;
        N8nHost = n8n.PublicHost;
        DatabaseServerName = database.ServerName;
        DatabaseHost = database.FullyQualifiedDomainName;
        DatabaseAdministratorPassword = database.AdministratorPassword;
    }

    /// <summary>The stack's resource group.</summary>
    [Output("resourceGroupName")]
    public Output<string> ResourceGroupName { get; private set; }

    /// <summary>The Log Analytics workspace id.</summary>
    [Output("logWorkspaceId")]
    public Output<string> LogWorkspaceId { get; private set; }

    /// <summary>The platform runtime identity's client id.</summary>
    [Output("platformIdentityClientId")]
    public Output<string> PlatformIdentityClientId { get; private set; }

    /// <summary>The cluster name (or existing context).</summary>
    [Output("clusterName")]
    public Output<string> ClusterName { get; private set; }

    /// <summary>The cluster's kubeconfig (secret).</summary>
    [Output("kubeconfig")]
    public Output<string> Kubeconfig { get; private set; }

    /// <summary>The workload namespace.</summary>
    [Output("workloadNamespace")]
    public Output<string> WorkloadNamespace { get; private set; }

    /// <summary>The tenant database server name.</summary>
    [Output("databaseServerName")]
    public Output<string> DatabaseServerName { get; private set; }

    /// <summary>The tenant database host name.</summary>
    [Output("databaseHost")]
    public Output<string> DatabaseHost { get; private set; }

    /// <summary>The database administrator password (secret) until the environment's vault holds it.</summary>
    [Output("databaseAdministratorPassword")]
    public Output<string> DatabaseAdministratorPassword { get; private set; }

    /// <summary>n8n's public host name.</summary>
    [Output("n8nHost")]
    public Output<string> N8nHost { get; private set; }

    // The queue Platform chose: an Azure cache, or a throwaway Redis on a developer's cluster.
    private static (Output<string> Host, Output<string> Password) DeclareQueue(WorkloadsPlan workloads, FoundationPlan plan, PlatformFoundation foundation, KubernetesCluster cluster)
    {
        if (workloads.Redis.Azure is { } azure)
        {
            var cache = new RedisCache("redis", new RedisCacheArgs
            {
                Plan = azure,
                ResourceGroupName = foundation.ResourceGroupName,
                Location = plan.Location,
                Tags = plan.Tags,
            });
            return (cache.HostName, cache.AccessKey);
        }

        var local = new InClusterRedis("redis", new InClusterRedisArgs
        {
            Plan = workloads.Redis.InCluster!,
            Provider = cluster.Provider,
            Namespace = cluster.WorkloadNamespace,
        });
        return (Output.Create(workloads.Redis.Endpoint.Host!), local.Password);
    }
}
