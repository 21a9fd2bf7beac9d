namespace KoraInfra.Platform.Response;

/// <summary>
/// Where the responder runs in every environment's cluster and how Alertmanager reaches it: its
/// in-cluster URL, and the bearer token Alertmanager sends (a vault secret mounted as a file,
/// read with <c>http_config.authorization.credentials_file</c>).
/// </summary>
public static class ResponderEndpoint
{
    /// <summary>The Kubernetes namespace of the responder.</summary>
    public const string Namespace = "kora-response";

    /// <summary>The name of its Deployment, Service and ServiceAccount.</summary>
    public const string Name = "kora-responder";

    /// <summary>The HTTP port it listens on (unprivileged: it runs as non-root).</summary>
    public const int Port = 8080;

    /// <summary>The webhook path.</summary>
    public const string WebhookPath = "/api/v1/alertmanager/webhook";

    /// <summary>The Alertmanager receiver that delivers to the responder.</summary>
    public const string ReceiverName = "kora-responder";

    /// <summary>The vault secret holding the webhook's bearer token (Alertmanager and the responder both mount it).</summary>
    public const string WebhookTokenSecretName = "responder-webhook-token";

    /// <summary>The vault secret holding the operators' API token (<c>kora incident</c>, <c>kora safe-mode</c>).</summary>
    public const string ApiTokenSecretName = "responder-api-token";

    /// <summary>The vault secret holding the <c>kora_responder</c> login's database password.</summary>
    public const string DatabasePasswordSecretName = "responder-db-password";

    /// <summary>The most alerts one webhook carries (the responder refuses more).</summary>
    public const int MaxAlerts = AlertmanagerWebhook.MaxAlerts;

    /// <summary>The in-cluster webhook URL.</summary>
    public static string WebhookUrl => $"http://{Name}.{Namespace}.svc.cluster.local:{Port}{WebhookPath}";
}
