namespace KoraInfra.Platform.Settings;

/// <summary>
/// Who is paged at each step of the seed's escalation chain
/// ("superadmin -> devops -> gestao").
/// </summary>
public enum EscalationLevel
{
    /// <summary>First responder: the platform superadmin on call.</summary>
    Superadmin = 1,

    /// <summary>DevOps on call.</summary>
    Devops = 2,

    /// <summary>Management ("gestao").</summary>
    Management = 3,
}

/// <summary>How a receiver is reached.</summary>
public enum ReceiverChannel
{
    /// <summary>An HTTPS webhook (chat, paging service); its URL carries a token, so it lives in the vault.</summary>
    Webhook,

    /// <summary>An e-mail address.</summary>
    Email,
}

/// <summary>One alert receiver from <c>kora-infra:alerting.receivers</c>.</summary>
/// <param name="Name">Unique name, used by the Alertmanager routes.</param>
/// <param name="Level">Its step in the escalation chain.</param>
/// <param name="Channel">Webhook or e-mail.</param>
/// <param name="Address">The e-mail address, for e-mail receivers.</param>
/// <param name="UrlSecretName">The Key Vault secret holding the webhook URL, for webhook receivers.</param>
public sealed record AlertReceiverSettings(
    string Name,
    EscalationLevel Level,
    ReceiverChannel Channel,
    string? Address,
    string? UrlSecretName);
