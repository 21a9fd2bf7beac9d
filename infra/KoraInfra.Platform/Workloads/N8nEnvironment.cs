using System.Globalization;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Workloads;

/// <summary>
/// The environment of each n8n process in queue mode: the same database, queue and encryption
/// key file on every process; the public URL on the processes that serve HTTP; the queue health
/// check on workers.
/// </summary>
public static class N8nEnvironment
{
    /// <summary>The port every n8n process serves HTTP (and health, and metrics) on.</summary>
    public const int HttpPort = 5678;

    /// <summary>Seconds a worker waits for running executions before it stops.</summary>
    public const int WorkerShutdownSeconds = 120;

    /// <summary>Seconds main and webhook processors wait for in-flight requests before they stop.</summary>
    public const int ServerShutdownSeconds = 30;

    /// <summary>The variables of one process.</summary>
    /// <param name="process">Main, worker or webhook processor.</param>
    /// <param name="profile">The environment.</param>
    /// <param name="redis">How the queue is reached.</param>
    /// <param name="host">The public host name of n8n.</param>
    /// <param name="webhookProcessors">Whether webhook processors take production webhooks off main.</param>
    public static IReadOnlyList<N8nVariable> For(N8nProcess process, EnvironmentProfile profile, RedisEndpoint redis, string host, bool webhookProcessors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(host);
        var variables = new List<N8nVariable>(Shared(profile, redis));
        switch (process)
        {
            case N8nProcess.Main:
                variables.AddRange(Server(host));
                variables.Add(N8nVariable.Literal("N8N_METRICS_INCLUDE_QUEUE_METRICS", "true"));

                // Main is the single replica (R-DO-005): keep executions, even manual ones, off it.
                variables.Add(N8nVariable.Literal("OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS", "true"));
                variables.Add(N8nVariable.Literal("N8N_DISABLE_PRODUCTION_MAIN_PROCESS", webhookProcessors ? "true" : "false"));

                // Pruning runs on main; history is what replay and incident timelines read.
                variables.Add(N8nVariable.Literal("EXECUTIONS_DATA_PRUNE", "true"));
                variables.Add(N8nVariable.Literal("EXECUTIONS_DATA_MAX_AGE", ExecutionHistoryHours(profile.Name).ToString(CultureInfo.InvariantCulture)));
                variables.Add(N8nVariable.Literal("N8N_GRACEFUL_SHUTDOWN_TIMEOUT", ServerShutdownSeconds.ToString(CultureInfo.InvariantCulture)));
                break;
            case N8nProcess.Worker:
                variables.Add(N8nVariable.Literal("QUEUE_HEALTH_CHECK_ACTIVE", "true"));
                variables.Add(N8nVariable.Literal("QUEUE_HEALTH_CHECK_PORT", HttpPort.ToString(CultureInfo.InvariantCulture)));
                variables.Add(N8nVariable.Literal("N8N_GRACEFUL_SHUTDOWN_TIMEOUT", WorkerShutdownSeconds.ToString(CultureInfo.InvariantCulture)));
                break;
            case N8nProcess.Webhook:
                variables.AddRange(Server(host));
                variables.Add(N8nVariable.Literal("N8N_GRACEFUL_SHUTDOWN_TIMEOUT", ServerShutdownSeconds.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(process), process, "not an n8n process");
        }

        return variables;
    }

    /// <summary>
    /// Hours of execution history kept: long enough in prod to replay and to investigate an
    /// incident after the fact (30 days), shorter where the data is synthetic or masked.
    /// </summary>
    public static int ExecutionHistoryHours(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => 72,
        EnvironmentName.Staging => 168,
        EnvironmentName.Prod => 720,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };

    /// <summary>Debug logs where the data is synthetic; info elsewhere (debug logs carry payloads).</summary>
    public static string LogLevel(EnvironmentName environment) => environment == EnvironmentName.Dev ? "debug" : "info";

    private static IEnumerable<N8nVariable> Shared(EnvironmentProfile profile, RedisEndpoint redis)
    {
        yield return N8nVariable.Literal("EXECUTIONS_MODE", "queue");

        yield return N8nVariable.Literal("DB_TYPE", "postgresdb");
        yield return N8nVariable.FromRuntime("DB_POSTGRESDB_HOST", RuntimeValue.DatabaseHost);
        yield return N8nVariable.Literal("DB_POSTGRESDB_PORT", N8nDatabase.Port.ToString(CultureInfo.InvariantCulture));
        yield return N8nVariable.Literal("DB_POSTGRESDB_DATABASE", N8nDatabase.Name);
        // The login slot alternates with each rotation (docs/secrets.md): read with the password.
        yield return N8nVariable.Literal("DB_POSTGRESDB_USER_FILE", N8nSecrets.FileOf(N8nSecrets.DatabaseUserKey));
        yield return N8nVariable.Literal("DB_POSTGRESDB_PASSWORD_FILE", N8nSecrets.FileOf(N8nSecrets.DatabasePasswordKey));
        yield return N8nVariable.Literal("DB_POSTGRESDB_SCHEMA", N8nDatabase.Schema);

        // Azure Database for PostgreSQL requires TLS; its certificate chains to a public root
        // that Node trusts, so verification stays on.
        yield return N8nVariable.Literal("DB_POSTGRESDB_SSL_ENABLED", "true");
        yield return N8nVariable.Literal("DB_POSTGRESDB_SSL_REJECT_UNAUTHORIZED", "true");

        yield return redis.Host is { } host
            ? N8nVariable.Literal("QUEUE_BULL_REDIS_HOST", host)
            : N8nVariable.FromRuntime("QUEUE_BULL_REDIS_HOST", RuntimeValue.RedisHost);
        yield return N8nVariable.Literal("QUEUE_BULL_REDIS_PORT", redis.Port.ToString(CultureInfo.InvariantCulture));
        yield return N8nVariable.Literal("QUEUE_BULL_REDIS_PASSWORD_FILE", N8nSecrets.FileOf(N8nSecrets.RedisPasswordKey));
        yield return N8nVariable.Literal("QUEUE_BULL_REDIS_TLS", redis.Tls ? "true" : "false");

        // One key for every process, from one file: a worker with another key could not read
        // the credentials main stored.
        yield return N8nVariable.Literal("N8N_ENCRYPTION_KEY_FILE", N8nSecrets.FileOf(N8nSecrets.EncryptionKeyKey));

        yield return N8nVariable.Literal("N8N_METRICS", "true");
        yield return N8nVariable.Literal("N8N_LOG_LEVEL", LogLevel(profile.Name));
        yield return N8nVariable.Literal("N8N_LOG_OUTPUT", "console");

        // Tenant data must not leave for n8n's telemetry, and the version is pinned by release.
        yield return N8nVariable.Literal("N8N_DIAGNOSTICS_ENABLED", "false");
        yield return N8nVariable.Literal("N8N_VERSION_NOTIFICATIONS_ENABLED", "false");

        // Workflows cannot read the process environment, and the settings file stays 0600.
        yield return N8nVariable.Literal("N8N_BLOCK_ENV_ACCESS_IN_NODE", "true");
        yield return N8nVariable.Literal("N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS", "true");
    }

    private static IEnumerable<N8nVariable> Server(string host)
    {
        yield return N8nVariable.Literal("N8N_HOST", host);
        yield return N8nVariable.Literal("N8N_PORT", HttpPort.ToString(CultureInfo.InvariantCulture));

        // TLS ends at the ingress; n8n must still build https URLs and trust one proxy hop.
        yield return N8nVariable.Literal("N8N_PROTOCOL", "https");
        yield return N8nVariable.Literal("WEBHOOK_URL", $"https://{host}/");
        yield return N8nVariable.Literal("N8N_PROXY_HOPS", "1");
    }
}
