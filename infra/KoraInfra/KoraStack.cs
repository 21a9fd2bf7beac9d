using KoraInfra.Components.Cluster;
using KoraInfra.Components.Database;
using KoraInfra.Components.Foundation;
using KoraInfra.Components.Monitoring;
using KoraInfra.Components.Network;
using KoraInfra.Components.Release;
using KoraInfra.Components.Response;
using KoraInfra.Components.Secrets;
using KoraInfra.Components.Verification;
using KoraInfra.Components.Workloads;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Verification.Staging;
using KoraInfra.Platform.Workloads;
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
        : this(null)
    {
    }

    /// <summary>Declares the stack with stack options (the offline plan records each resource's parent through them).</summary>
    /// <param name="options">The stack options, or null.</param>
    internal KoraStack(StackOptions? options)
        : base(options)
    {
        var settings = StackSettingsLoader.Load();

        // Prod is not deployed while a compromised credential is pending; nothing is declared first.
        var secretsPlan = SecretsPlanLoader.Load(settings, TimeProvider.System);

        // Staging and prod declare nothing until a signed release manifest for them verifies.
        var release = ReleaseGuard.Admit(settings);

        // The responder's image is refused before anything is declared when the release lacks its
        // digest; its schema (db/responder) is applied by its image before the logins rotate.
        var migrations = MigrationSet.Locate(Directory.GetCurrentDirectory());
        var responder = ResponderPlan.For(settings, release?.Manifest.Images, MigrationSet.Fingerprint(ResponderPlan.MigrationsBeside(migrations)));

        if (release is not null)
        {
            _ = new ReleaseManifestRecord("release", ReleaseManifestRecordArgs.From(release));
        }

        var plan = FoundationPlan.For(settings);

        var foundation = new PlatformFoundation("foundation", new PlatformFoundationArgs { Plan = plan });

        // The VNet the cluster joins; its private endpoints are added once the data services exist.
        var networkPlan = NetworkPlan.For(settings);
        var network = networkPlan is null ? null : new PrivateNetwork("network", new PrivateNetworkArgs
        {
            Plan = networkPlan,
            ResourceGroupName = foundation.ResourceGroupName,
            Location = plan.Location,
            Tags = plan.Tags,
        });
        var cluster = new KubernetesCluster("cluster", new KubernetesClusterArgs
        {
            Plan = plan,
            ResourceGroupName = foundation.ResourceGroupName,
            LogWorkspaceId = foundation.LogWorkspaceId,
            Network = networkPlan,
            VirtualNetworkId = network?.VirtualNetworkId,
            NodeSubnetId = network?.NodeSubnetId,
            EgressIpAddress = network?.EgressIpAddress,
            ExistingKubeconfig = plan.Kubernetes.IsManaged ? null : new Config().RequireSecret("kubeconfig"),
        });

        var workloads = WorkloadsPlan.For(settings, plan.Kubernetes.WorkloadNamespace);
        var queue = DeclareQueue(workloads, plan, foundation, cluster, RedisKeyRotationPlan.For(secretsPlan, settings));

        // The vault holds every credential; consumers read the values it writes, so a rotation
        // reaches them in the same `up`. The queue's key is issued by Redis and copied in.
        var vault = new SecretVault("secrets", new SecretVaultArgs
        {
            Plan = secretsPlan,
            Location = plan.Location,
            Tags = plan.Tags,
            ResourceGroupName = foundation.ResourceGroupName,
            LogWorkspaceId = foundation.LogWorkspaceId,
            PlatformRuntimePrincipalId = foundation.PlatformIdentityPrincipalId,
            IssuedSecretValues = new Dictionary<string, Output<string>>(StringComparer.Ordinal)
            {
                [SecretCatalogue.RedisAccessKey] = queue.Password,
            },
        });

        // The migration Job runs the release's kora tools image by digest; without one (dev, or a
        // release that does not carry it) the branch image, which the policy pack rejects in
        // staging and prod.
        var logins = LoginRotationPlan.For(secretsPlan, settings);
        var database = new TenantDatabase("database", new TenantDatabaseArgs
        {
            FollowingMigrations = [responder.MigrationJob],
            Plan = TenantDatabasePlan.For(settings, MigrationSet.Fingerprint(migrations), TenantDatabasePlan.ReleasedToolsImage(release?.Manifest.Images)),
            ResourceGroupName = foundation.ResourceGroupName,
            AdministratorPassword = vault.SecretValues[SecretCatalogue.PostgresAdminPassword],
            KubernetesProvider = cluster.Provider,
            Namespace = cluster.WorkloadNamespace,
            LoginRotations = logins,
            LoginPasswords = logins.ToDictionary(l => l.Login.Secret, l => vault.SecretValues[l.Login.Secret], StringComparer.Ordinal),
        });

        _ = new MonitoringStack("monitoring", new MonitoringStackArgs
        {
            Plan = MonitoringPlan.For(settings),
            Provider = cluster.Provider,
            VaultReaderClientId = foundation.PlatformIdentityClientId,
            TenantId = foundation.PlatformIdentityTenantId,
        });

        ReleaseStore? releaseStore = null;
        if (ReleaseStorePlan.For(settings) is { } store)
        {
            releaseStore = new ReleaseStore("release-store", new ReleaseStoreArgs { Plan = store, ResourceGroupName = foundation.ResourceGroupName });
        }

        // Every data service Platform planned an endpoint for, by the plan's key.
        var privateTargets = new Dictionary<string, Output<string>>(StringComparer.Ordinal)
        {
            ["vault"] = vault.VaultId,
            ["postgres"] = database.ServerId,
        };
        if (queue.Cache is { } cache)
        {
            privateTargets["redis"] = cache.CacheId;
            if (cache.SnapshotAccountId is { } snapshots)
            {
                privateTargets["redis-snapshots"] = snapshots;
            }
        }

        if (releaseStore is not null)
        {
            privateTargets["release-store"] = releaseStore.AccountId;
        }

        network?.ConnectPrivately(privateTargets);

        // Staging and prod are deployed from inside their own network (docs/network.md).
        if (PipelineRunnerPlan.For(settings.Environment) is { } runners && plan.Kubernetes.IsManaged)
        {
            _ = new PipelineRunners("pipeline-runners", new PipelineRunnersArgs { Plan = runners, Provider = cluster.Provider });
        }

        // n8n logs in on the slot of the `n8n` role that the rotation Job gave the vault's
        // postgres-n8n-password (docs/secrets.md).
        var n8n = new N8nWorkloads("n8n", new N8nWorkloadsArgs
        {
            Plan = workloads.N8n,
            Provider = cluster.Provider,
            Namespace = cluster.WorkloadNamespace,
            DatabaseHost = database.FullyQualifiedDomainName,
            DatabaseUser = Output.Create(logins.Single(l => l.Login.Secret == SecretCatalogue.PostgresN8nPassword).CurrentSlot),
            DatabasePassword = vault.SecretValues[SecretCatalogue.PostgresN8nPassword],
            RedisHost = queue.Host,
            RedisPassword = queue.Password,
            EncryptionKey = vault.SecretValues[SecretCatalogue.N8nEncryptionKey],
            CredentialVersions = N8nCredentialVersions.For(secretsPlan, settings),
        }, new ComponentResourceOptions { DependsOn = { database.LoginRotation } });

        // The responder logs in on the slot the rotation Job gave the vault's responder-db-password.
        var responderLogin = logins.Single(l => l.Login == ResponderPlan.Login);
        _ = new ResponderService("responder", new ResponderServiceArgs
        {
            Plan = responder,
            Provider = cluster.Provider,
            DatabaseHost = database.FullyQualifiedDomainName,
            DatabaseSlot = responderLogin.CurrentSlot,
            DatabaseLoginAnnotation = ResponderPlan.LoginAnnotationValue(responderLogin),
            DatabasePassword = vault.SecretValues[ResponderEndpoint.DatabasePasswordSecretName],
            WebhookToken = vault.SecretValues[ResponderEndpoint.WebhookTokenSecretName],
            ApiToken = vault.SecretValues[ResponderEndpoint.ApiTokenSecretName],
        }, new ComponentResourceOptions { DependsOn = { database.LoginRotation } });

        // Staging only: Chaos Mesh, the k6 templates and the heartbeat writer (docs/verification.md).
        // The writer logs in as the application, on the slot the rotation Job gave its password.
        if (StagingVerificationPlan.For(settings, TenantDatabasePlan.ReleasedToolsImage(release?.Manifest.Images)) is { } checks)
        {
            var application = logins.Single(l => l.Login.Group == checks.Heartbeat.Login.Group);
            _ = new StagingVerification("verification", new StagingVerificationArgs
            {
                Plan = checks,
                Scripts = StagingVerificationPlan.Scripts(Directory.GetCurrentDirectory()),
                Provider = cluster.Provider,
                HeartbeatConnection = Output.Tuple(database.FullyQualifiedDomainName, vault.SecretValues[application.Login.Secret])
                    .Apply(t => TenantDatabasePlan.AdministratorConnectionString(t.Item1, application.CurrentSlot, t.Item2)),
                Login = database.LoginRotation,
            });
        }

        ResourceGroupName = foundation.ResourceGroupName;
        LogWorkspaceId = foundation.LogWorkspaceId;
        PlatformIdentityClientId = foundation.PlatformIdentityClientId;
        ClusterName = cluster.ClusterName;
        Kubeconfig = cluster.Kubeconfig;
        WorkloadNamespace = cluster.WorkloadNamespace;
        VaultUri = vault.VaultUri;
        N8nHost = n8n.PublicHost;
        DatabaseServerName = database.ServerName;
        DatabaseHost = database.FullyQualifiedDomainName;
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

    /// <summary>The environment's Key Vault address (where workloads read their secrets).</summary>
    [Output("vaultUri")]
    public Output<string> VaultUri { get; private set; }

    /// <summary>The workload namespace.</summary>
    [Output("workloadNamespace")]
    public Output<string> WorkloadNamespace { get; private set; }

    /// <summary>The tenant database server name.</summary>
    [Output("databaseServerName")]
    public Output<string> DatabaseServerName { get; private set; }

    /// <summary>The tenant database host name.</summary>
    [Output("databaseHost")]
    public Output<string> DatabaseHost { get; private set; }

    /// <summary>n8n's public host name.</summary>
    [Output("n8nHost")]
    public Output<string> N8nHost { get; private set; }

    // The queue Platform chose: an Azure cache, or a throwaway Redis on a developer's cluster.
    private static (Output<string> Host, Output<string> Password, RedisCache? Cache) DeclareQueue(WorkloadsPlan workloads, FoundationPlan plan, PlatformFoundation foundation, KubernetesCluster cluster, RedisKeyRotation? keyRotation)
    {
        if (workloads.Redis.Azure is { } azure)
        {
            var cache = new RedisCache("redis", new RedisCacheArgs
            {
                Plan = azure,
                KeyRotation = keyRotation ?? throw new InvalidOperationException("an Azure cache without a key rotation: RedisKeyRotationPlan and RedisPlan disagree on the hosting"),
                ResourceGroupName = foundation.ResourceGroupName,
                Location = plan.Location,
                Tags = plan.Tags,
            });
            return (cache.HostName, cache.AccessKey, cache);
        }

        var local = new InClusterRedis("redis", new InClusterRedisArgs
        {
            Plan = workloads.Redis.InCluster!,
            Provider = cluster.Provider,
            Namespace = cluster.WorkloadNamespace,
        });
        return (Output.Create(workloads.Redis.Endpoint.Host!), local.Password, null);
    }
}
