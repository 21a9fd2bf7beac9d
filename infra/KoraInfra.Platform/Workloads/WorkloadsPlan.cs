using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Workloads;

/// <summary>The workloads of a stack: n8n's queue and n8n itself.</summary>
/// <param name="Namespace">The namespace they run in.</param>
/// <param name="Redis">The queue.</param>
/// <param name="N8n">n8n.</param>
/// <param name="ExpectedDatabaseHost">
/// The PostgreSQL server's host name as the naming convention gives it: what n8n connects to
/// until the database capability hands over its server's reported host name.
/// </param>
public sealed record WorkloadsPlan(string Namespace, RedisPlan Redis, N8nPlan N8n, string ExpectedDatabaseHost)
{
    /// <summary>Decides the workloads of a stack.</summary>
    /// <param name="settings">The stack's settings.</param>
    /// <param name="workloadNamespace">The namespace the foundation created for workloads.</param>
    public static WorkloadsPlan For(StackSettings settings, string workloadNamespace)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(workloadNamespace);
        var redis = RedisPlan.For(settings, workloadNamespace);
        return new WorkloadsPlan(workloadNamespace, redis, N8nPlan.For(settings, redis), settings.Names.Name(ResourceKind.PostgreSqlServer) + ".postgres.database.azure.com");
    }

    /// <summary>Every container image the workloads run, for the digest policy and the release manifest.</summary>
    public IEnumerable<ContainerImage> Images =>
        Redis.InCluster is { } local ? [N8n.Image, local.Image] : [N8n.Image];
}
