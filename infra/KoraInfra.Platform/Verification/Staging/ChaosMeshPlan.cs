namespace KoraInfra.Platform.Verification.Staging;

/// <summary>
/// Chaos Mesh, which <c>kora drill chaos</c> drives: its chart pinned, its own namespace, and the
/// container runtime of AKS nodes (containerd, since AKS 1.19) so its daemon can reach the pods'
/// network namespaces. The dashboard is not installed: experiments are started only by the
/// pipeline, as code, never by hand from a web page.
/// </summary>
/// <param name="Namespace">Chaos Mesh's own namespace.</param>
/// <param name="Values">The chart values.</param>
public sealed record ChaosMeshPlan(string Namespace, IReadOnlyDictionary<string, object> Values)
{
    /// <summary>The Helm release name.</summary>
    public const string ReleaseName = "chaos-mesh";

    /// <summary>The chart.</summary>
    public const string Chart = "chaos-mesh";

    /// <summary>The chart repository.</summary>
    public const string Repository = "https://charts.chaos-mesh.org";

    /// <summary>The chart version, pinned.</summary>
    public const string Version = "2.8.2";

    /// <summary>Where containerd listens on an AKS node.</summary>
    public const string ContainerdSocket = "/run/containerd/containerd.sock";

    /// <summary>The plan of staging's Chaos Mesh.</summary>
    public static ChaosMeshPlan Staging { get; } = new("chaos-mesh", new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        ["chaosDaemon"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["runtime"] = "containerd",
            ["socketPath"] = ContainerdSocket,
        },
        ["dashboard"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["create"] = false },
    });
}
