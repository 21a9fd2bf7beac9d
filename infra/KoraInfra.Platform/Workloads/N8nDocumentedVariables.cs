namespace KoraInfra.Platform.Workloads;

/// <summary>
/// The n8n environment variables KoraInfra may set, each with the n8n documentation page that
/// defines it. Platform's n8n environment is checked against this list, so a misspelt name
/// (which n8n would silently ignore) fails a test instead of a deploy. Add a name only together
/// with its documentation page.
/// </summary>
public static class N8nDocumentedVariables
{
    /// <summary>"You can add _FILE to individual variables to provide their configuration in a separate file."</summary>
    public const string FileSuffix = "_FILE";

    private const string Docs = "https://docs.n8n.io/hosting/configuration/environment-variables/";
    private const string QueueMode = Docs + "queue-mode/";
    private const string Database = Docs + "database/";
    private const string Executions = Docs + "executions/";
    private const string Endpoints = Docs + "endpoints/";
    private const string Deployment = Docs + "deployment/";
    private const string Security = Docs + "security/";
    private const string Logs = Docs + "logs/";
    private const string Scaling = "https://docs.n8n.io/hosting/scaling/queue-mode/";

    /// <summary>Variable name → the documentation page that defines it.</summary>
    public static IReadOnlyDictionary<string, Uri> All { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["EXECUTIONS_MODE"] = Executions,
        ["EXECUTIONS_DATA_PRUNE"] = Executions,
        ["EXECUTIONS_DATA_MAX_AGE"] = Executions,

        ["DB_TYPE"] = Database,
        ["DB_POSTGRESDB_HOST"] = Database,
        ["DB_POSTGRESDB_PORT"] = Database,
        ["DB_POSTGRESDB_DATABASE"] = Database,
        ["DB_POSTGRESDB_USER"] = Database,
        ["DB_POSTGRESDB_PASSWORD"] = Database,
        ["DB_POSTGRESDB_SCHEMA"] = Database,
        ["DB_POSTGRESDB_SSL_ENABLED"] = Database,
        ["DB_POSTGRESDB_SSL_REJECT_UNAUTHORIZED"] = Database,

        ["QUEUE_BULL_REDIS_HOST"] = QueueMode,
        ["QUEUE_BULL_REDIS_PORT"] = QueueMode,
        ["QUEUE_BULL_REDIS_PASSWORD"] = QueueMode,
        ["QUEUE_BULL_REDIS_TLS"] = QueueMode,
        ["QUEUE_HEALTH_CHECK_ACTIVE"] = QueueMode,
        ["QUEUE_HEALTH_CHECK_PORT"] = QueueMode,

        ["OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS"] = Scaling,

        ["N8N_METRICS"] = Endpoints,
        ["N8N_METRICS_INCLUDE_QUEUE_METRICS"] = Endpoints,
        ["WEBHOOK_URL"] = Endpoints,
        ["N8N_DISABLE_PRODUCTION_MAIN_PROCESS"] = Endpoints,

        ["N8N_ENCRYPTION_KEY"] = Deployment,
        ["N8N_HOST"] = Deployment,
        ["N8N_PORT"] = Deployment,
        ["N8N_PROTOCOL"] = Deployment,
        ["N8N_PROXY_HOPS"] = Deployment,
        ["N8N_DIAGNOSTICS_ENABLED"] = Deployment,
        ["N8N_VERSION_NOTIFICATIONS_ENABLED"] = Deployment,
        ["N8N_GRACEFUL_SHUTDOWN_TIMEOUT"] = Deployment,

        ["N8N_BLOCK_ENV_ACCESS_IN_NODE"] = Security,
        ["N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS"] = Security,

        ["N8N_LOG_LEVEL"] = Logs,
        ["N8N_LOG_OUTPUT"] = Logs,
    }.ToDictionary(entry => entry.Key, entry => new Uri(entry.Value), StringComparer.Ordinal);

    /// <summary>Variables that carry a credential: set only through their <c>_FILE</c> form.</summary>
    public static IReadOnlySet<string> Credentials { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "DB_POSTGRESDB_PASSWORD",
        "QUEUE_BULL_REDIS_PASSWORD",
        "N8N_ENCRYPTION_KEY",
    };

    /// <summary>Whether a name is documented, directly or as the <c>_FILE</c> form of a documented name.</summary>
    public static bool IsDocumented(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.ContainsKey(name)
            || (name.EndsWith(FileSuffix, StringComparison.Ordinal) && All.ContainsKey(name[..^FileSuffix.Length]));
    }
}
