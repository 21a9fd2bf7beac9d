using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Foundation;

/// <summary>
/// What every stack stands on: a resource group, the platform's managed identity, a Log
/// Analytics workspace and the cluster, each decided from the stack's settings and profile.
/// </summary>
/// <param name="ResourceGroupName">The stack's resource group.</param>
/// <param name="PlatformIdentityName">The user-assigned identity of the platform runtime.</param>
/// <param name="LogWorkspace">The Log Analytics workspace.</param>
/// <param name="Cluster">The AKS cluster, or null when the stack uses an existing cluster.</param>
/// <param name="Kubernetes">How Kubernetes resources are reached.</param>
/// <param name="Location">The Azure region.</param>
/// <param name="Tags">The tags for every taggable resource.</param>
public sealed record FoundationPlan(
    string ResourceGroupName,
    string PlatformIdentityName,
    LogWorkspacePlan LogWorkspace,
    ClusterPlan? Cluster,
    KubernetesTarget Kubernetes,
    string Location,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Decides the foundation of a stack.</summary>
    public static FoundationPlan For(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Names;
        var profile = settings.Environment;
        var cluster = settings.Cluster.Mode == ClusterMode.Managed ? PlanCluster(settings, names) : null;
        return new FoundationPlan(
            ResourceGroupName: names.Name(ResourceKind.ResourceGroup),
            PlatformIdentityName: names.Name(ResourceKind.ManagedIdentity, "platform"),
            LogWorkspace: new LogWorkspacePlan(names.Name(ResourceKind.LogAnalyticsWorkspace), LogRetentionDays(profile.Name)),
            Cluster: cluster,
            Kubernetes: KubernetesTarget.For(profile, settings.Cluster.Context),
            Location: settings.Region.Name,
            Tags: settings.Tags.All);
    }

    /// <summary>
    /// Log retention: the workspace is the vault's usage and rotation trail the seed requires,
    /// so prod keeps a year, long enough to cover a full audit cycle.
    /// </summary>
    public static int LogRetentionDays(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => 30,
        EnvironmentName.Staging => 90,
        EnvironmentName.Prod => 365,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };

    /// <summary>The node VM size of a sizing tier.</summary>
    public static string NodeVmSize(SizingTier tier) => tier switch
    {
        SizingTier.Small => "Standard_D2s_v5",
        SizingTier.Medium => "Standard_D4s_v5",
        SizingTier.Large => "Standard_D8s_v5",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a sizing tier"),
    };

    private static ClusterPlan PlanCluster(StackSettings settings, ResourceNamer names)
    {
        var profile = settings.Environment;
        var zoneRedundant = profile.ZoneRedundant && settings.Region.HasAvailabilityZones;
        return new ClusterPlan(
            Name: names.Name(ResourceKind.KubernetesCluster),
            ControlPlaneIdentityName: names.Name(ResourceKind.ManagedIdentity, "aks"),
            DnsPrefix: names.Name(ResourceKind.KubernetesCluster),
            NodeResourceGroup: names.Name(ResourceKind.ResourceGroup, "aks-nodes"),
            KubernetesVersion: settings.Cluster.KubernetesVersion!,
            SystemPoolName: "system",
            NodeVmSize: NodeVmSize(settings.SizingTier),
            NodeCount: settings.Cluster.NodeCount!.Value,
            MaxNodeCount: settings.Cluster.MaxNodeCount!.Value,
            AvailabilityZones: zoneRedundant ? ["1", "2", "3"] : [],
            SkuTier: settings.SizingTier == SizingTier.Small ? ClusterSkuTier.Free : ClusterSkuTier.Standard,
            OsDiskSizeGb: settings.SizingTier == SizingTier.Small ? 64 : 128);
    }
}
