using KoraInfra.Platform.Foundation;
using Pulumi;

namespace KoraInfra.Components.Cluster;

/// <summary>What <see cref="KubernetesCluster"/> needs: the plan and where the foundation put things.</summary>
public sealed class KubernetesClusterArgs
{
    /// <summary>The stack's foundation plan (cluster and Kubernetes target).</summary>
    public required FoundationPlan Plan { get; init; }

    /// <summary>The stack's resource group.</summary>
    public required Output<string> ResourceGroupName { get; init; }

    /// <summary>The Log Analytics workspace container insights write to.</summary>
    public required Output<string> LogWorkspaceId { get; init; }

    /// <summary>The kubeconfig of an existing cluster (a secret setting); null when the stack declares AKS.</summary>
    public Output<string>? ExistingKubeconfig { get; init; }
}
