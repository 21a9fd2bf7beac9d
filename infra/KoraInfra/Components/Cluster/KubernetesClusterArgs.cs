using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Network;
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

    /// <summary>The environment's network plan; null for an existing cluster.</summary>
    public NetworkPlan? Network { get; init; }

    /// <summary>The VNet the cluster's identity must be allowed to join; null for an existing cluster.</summary>
    public Output<string>? VirtualNetworkId { get; init; }

    /// <summary>The node subnet; null for an existing cluster.</summary>
    public Output<string>? NodeSubnetId { get; init; }

    /// <summary>The NAT gateway's address, authorized on the API server when the plan says so.</summary>
    public Output<string>? EgressIpAddress { get; init; }

    /// <summary>The kubeconfig of an existing cluster (a secret setting); null when the stack declares AKS.</summary>
    public Output<string>? ExistingKubeconfig { get; init; }
}
