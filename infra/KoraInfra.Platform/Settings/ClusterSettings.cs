namespace KoraInfra.Platform.Settings;

/// <summary>Where the workloads run.</summary>
public enum ClusterMode
{
    /// <summary>An AKS cluster declared by this stack.</summary>
    Managed,

    /// <summary>
    /// An existing cluster reached through a kubeconfig held as a secret setting; only for an
    /// ephemeral environment (a developer's local or throwaway cluster).
    /// </summary>
    Existing,
}

/// <summary>The stack file's <c>kora-infra:cluster</c> value.</summary>
/// <param name="Mode">Managed AKS or an existing cluster.</param>
/// <param name="KubernetesVersion">AKS minor version (<c>1.31</c>); null for an existing cluster.</param>
/// <param name="NodeCount">System pool nodes at the start; null for an existing cluster.</param>
/// <param name="MaxNodeCount">Autoscaler ceiling; null for an existing cluster.</param>
/// <param name="Context">The kubeconfig context of an existing cluster; null for AKS.</param>
public sealed record ClusterSettings(
    ClusterMode Mode,
    string? KubernetesVersion,
    int? NodeCount,
    int? MaxNodeCount,
    string? Context);
