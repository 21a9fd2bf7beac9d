using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Foundation;

/// <summary>Where the stack's Kubernetes resources go: always through one explicit provider.</summary>
/// <param name="ProviderName">The Pulumi name of the Kubernetes provider resource.</param>
/// <param name="WorkloadNamespace">The namespace the KoraOS workloads run in.</param>
/// <param name="NamespaceLabels">Labels of the workload namespace.</param>
/// <param name="ExistingContext">The kubeconfig context of an existing cluster; null when the stack declares AKS.</param>
public sealed record KubernetesTarget(
    string ProviderName,
    string WorkloadNamespace,
    IReadOnlyDictionary<string, string> NamespaceLabels,
    string? ExistingContext)
{
    /// <summary>Whether the cluster is declared by the stack.</summary>
    public bool IsManaged => ExistingContext is null;

    /// <summary>Decides the Kubernetes target of an environment.</summary>
    public static KubernetesTarget For(EnvironmentProfile profile, string? existingContext)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new KubernetesTarget(
            ProviderName: $"k8s-{profile.StackName}",
            WorkloadNamespace: "kora",
            NamespaceLabels: new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/part-of"] = "koraos",
                ["kora.io/environment"] = profile.StackName,

                // The restricted Pod Security Standard: non-root, no privilege escalation, no
                // host access, capabilities dropped. Workloads that cannot meet it do not start.
                ["pod-security.kubernetes.io/enforce"] = "restricted",
                ["pod-security.kubernetes.io/enforce-version"] = "latest",
            },
            ExistingContext: existingContext);
    }
}
