namespace KoraInfra.Platform.Workloads;

/// <summary>The ingress controller in front of n8n: the class routes are written for, and where its pods run.</summary>
/// <param name="ClassName">The IngressClass.</param>
/// <param name="Namespace">The controller's namespace, the only one admitted to n8n's HTTP port.</param>
public sealed record IngressController(string ClassName, string Namespace)
{
    /// <summary>AKS's application routing add-on (managed NGINX).</summary>
    public static IngressController AksApplicationRouting { get; } = new("webapprouting.kubernetes.azure.com", "app-routing-system");

    /// <summary>The community ingress-nginx a developer's local cluster usually runs.</summary>
    public static IngressController IngressNginx { get; } = new("nginx", "ingress-nginx");
}
