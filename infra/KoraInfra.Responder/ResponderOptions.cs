namespace KoraInfra.Responder;

/// <summary>
/// The responder's settings (section <c>Responder</c>; environment <c>Responder__Key</c>). No
/// secret is a setting: the database password is in the connection string from the environment
/// (the vault's), and both tokens are files (Kubernetes mounts them from the vault).
/// </summary>
public sealed class ResponderOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Responder";

    /// <summary>The kora database, as the <c>kora_responder</c> login.</summary>
    public string Connection { get; set; } = string.Empty;

    /// <summary>The file holding the bearer token Alertmanager sends (its <c>http_config.authorization.credentials_file</c>).</summary>
    public string WebhookTokenFile { get; set; } = string.Empty;

    /// <summary>The file holding the bearer token of the operators' API (<c>kora incident</c>, <c>kora safe-mode</c>).</summary>
    public string ApiTokenFile { get; set; } = string.Empty;

    /// <summary>Alertmanager's base URL, where escalations are posted (<c>/api/v2/alerts</c>).</summary>
    public string AlertmanagerUrl { get; set; } = string.Empty;

    /// <summary>How often the escalation loop looks at open incidents, in seconds.</summary>
    public int EscalationIntervalSeconds { get; set; } = 15;

    /// <summary>The largest webhook body accepted, in bytes.</summary>
    public long MaxWebhookBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// A body identical to one received less than this many seconds ago is a replay and refused.
    /// Alertmanager repeats a notification at its group or repeat interval (5 min at least in
    /// every stack's routes), so a legitimate repeat never falls inside the window.
    /// </summary>
    public int ReplayWindowSeconds { get; set; } = 60;

    /// <summary>Every problem with the settings, naming the key and what would be right.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(string value, string key, string expected)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{Section}:{key} (environment {Section}__{key}) is not set; expected {expected}");
            }
        }

        Require(Connection, nameof(Connection), "the kora database's connection string for the kora_responder login");
        Require(WebhookTokenFile, nameof(WebhookTokenFile), "the path of the file holding Alertmanager's bearer token");
        Require(ApiTokenFile, nameof(ApiTokenFile), "the path of the file holding the operators' API token");
        Require(AlertmanagerUrl, nameof(AlertmanagerUrl), "Alertmanager's base URL, such as http://alertmanager:9093");
        if (!string.IsNullOrWhiteSpace(AlertmanagerUrl) && !Uri.TryCreate(AlertmanagerUrl, UriKind.Absolute, out _))
        {
            problems.Add($"{Section}:{nameof(AlertmanagerUrl)} '{AlertmanagerUrl}' is not an absolute URL; expected such as http://alertmanager:9093");
        }

        if (EscalationIntervalSeconds is < 1 or > 60)
        {
            problems.Add($"{Section}:{nameof(EscalationIntervalSeconds)} is {EscalationIntervalSeconds}; expected 1 to 60 (the chain's steps are 5 min apart)");
        }

        if (MaxWebhookBytes is < 1024 or > 16 * 1024 * 1024)
        {
            problems.Add($"{Section}:{nameof(MaxWebhookBytes)} is {MaxWebhookBytes}; expected 1024 to 16777216");
        }

        if (ReplayWindowSeconds is < 1 or > 299)
        {
            problems.Add($"{Section}:{nameof(ReplayWindowSeconds)} is {ReplayWindowSeconds}; expected 1 to 299 (below Alertmanager's 5 min repeat)");
        }

        return problems;
    }
}
