namespace KoraInfra.Platform.Workloads;

/// <summary>One path of n8n's public host and the Service behind it.</summary>
/// <param name="Path">The path prefix.</param>
/// <param name="Service">The Service name.</param>
public sealed record N8nRoute(string Path, string Service)
{
    /// <summary>Prefix matching: <c>/webhook/</c> covers every production webhook.</summary>
    public string PathType { get; init; } = "Prefix";
}

/// <summary>
/// n8n's public entry: one host, TLS at the ingress. With webhook processors, production
/// webhooks (<c>/webhook/</c>) go to them and everything else (editor, API, <c>/webhook-test/</c>)
/// to main, as n8n's queue-mode guide prescribes.
/// </summary>
/// <param name="Host">The public host name.</param>
/// <param name="Controller">The ingress controller.</param>
/// <param name="TlsSecretName">The Secret with the host's certificate.</param>
/// <param name="Routes">The routes, most specific first.</param>
public sealed record N8nRouting(string Host, IngressController Controller, string TlsSecretName, IReadOnlyList<N8nRoute> Routes)
{
    /// <summary>The Ingress name.</summary>
    public const string Name = "n8n";
}
