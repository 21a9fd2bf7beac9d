using KoraInfra.Components.Cluster;
using KoraInfra.Components.Database;
using KoraInfra.Components.Foundation;
using KoraInfra.Components.Monitoring;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Monitoring;
using Pulumi;

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
        var plan = FoundationPlan.For(settings);

        var foundation = new PlatformFoundation("foundation", new PlatformFoundationArgs { Plan = plan });
        var cluster = new KubernetesCluster("cluster", new KubernetesClusterArgs
        {
            Plan = plan,
            ResourceGroupName = foundation.ResourceGroupName,
            LogWorkspaceId = foundation.LogWorkspaceId,
            ExistingKubeconfig = plan.Kubernetes.IsManaged ? null : new Config().RequireSecret("kubeconfig"),
        });

        // The release's kora tools image (by digest) replaces the branch image once the verified
        // release manifest is wired in; Platform flags the branch image in staging and prod.
        var migrations = MigrationSet.Locate(Directory.GetCurrentDirectory());
        var database = new TenantDatabase("database", new TenantDatabaseArgs
        {
            Plan = TenantDatabasePlan.For(settings, MigrationSet.Fingerprint(migrations)),
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

        ResourceGroupName = foundation.ResourceGroupName;
        LogWorkspaceId = foundation.LogWorkspaceId;
        PlatformIdentityClientId = foundation.PlatformIdentityClientId;
        ClusterName = cluster.ClusterName;
        Kubeconfig = cluster.Kubeconfig;
        WorkloadNamespace = cluster.WorkloadNamespace;
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
}
