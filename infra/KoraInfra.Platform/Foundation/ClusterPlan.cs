namespace KoraInfra.Platform.Foundation;

/// <summary>AKS control-plane tier.</summary>
public enum ClusterSkuTier
{
    /// <summary>No uptime SLA: enough for a development cluster.</summary>
    Free,

    /// <summary>Financially backed API-server uptime SLA.</summary>
    Standard,
}

/// <summary>The AKS cluster a stack declares, fully decided.</summary>
/// <param name="Name">The cluster resource name.</param>
/// <param name="ControlPlaneIdentityName">The cluster's own user-assigned identity: the control plane never shares the workloads' identity.</param>
/// <param name="DnsPrefix">The API server's DNS prefix.</param>
/// <param name="NodeResourceGroup">The resource group AKS puts nodes in, named by our convention rather than AKS's <c>MC_…</c>.</param>
/// <param name="KubernetesVersion">The AKS minor version.</param>
/// <param name="SystemPoolName">The system node pool's name (AKS: 1-12 lowercase alphanumerics).</param>
/// <param name="NodeVmSize">The node VM size.</param>
/// <param name="NodeCount">Nodes at creation.</param>
/// <param name="MaxNodeCount">Autoscaler ceiling.</param>
/// <param name="AvailabilityZones">Zones the nodes spread over; empty when not zone-redundant.</param>
/// <param name="SkuTier">Control-plane tier.</param>
/// <param name="OsDiskSizeGb">Node OS disk size.</param>
public sealed record ClusterPlan(
    string Name,
    string ControlPlaneIdentityName,
    string DnsPrefix,
    string NodeResourceGroup,
    string KubernetesVersion,
    string SystemPoolName,
    string NodeVmSize,
    int NodeCount,
    int MaxNodeCount,
    IReadOnlyList<string> AvailabilityZones,
    ClusterSkuTier SkuTier,
    int OsDiskSizeGb)
{
    /// <summary>
    /// Hardening that holds in every environment: no local accounts (Entra ID only), Kubernetes
    /// RBAC bound to Entra groups, workload identity for pods, network policies enforced.
    /// </summary>
    public bool DisableLocalAccounts { get; init; } = true;

    /// <summary>Entra ID authorization for Kubernetes (Azure RBAC for Kubernetes).</summary>
    public bool EntraRbac { get; init; } = true;

    /// <summary>OIDC issuer and workload identity, so pods get managed identities instead of secrets.</summary>
    public bool WorkloadIdentity { get; init; } = true;
}
