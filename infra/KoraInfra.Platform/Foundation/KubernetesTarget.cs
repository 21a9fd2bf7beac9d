namespace KoraInfra.Platform.Foundation;

/// <summary>Where the stack's Kubernetes resources go: always through one explicit provider.</summary>
/// <param name="ProviderName">The Pulumi name of the Kubernetes provider resource.</param>
/// <param name="WorkloadNamespace">The namespace the KoraOS workloads run in.</param>
/// <param name="ExistingContext">The kubeconfig context of an existing cluster; null when the stack declares AKS.</param>
public sealed record KubernetesTarget(string ProviderName, string WorkloadNamespace, string? ExistingContext)
{
    /// <summary>Whether the cluster is declared by the stack.</summary>
    public bool IsManaged => ExistingContext is null;
}
