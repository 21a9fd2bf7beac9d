using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// The PostgreSQL failover experiment's fault: a forced failover of the environment's zone-redundant
/// flexible server to its standby, the equivalent of <c>az postgres flexible-server restart
/// --failover Forced</c>. Like <see cref="Restore.AzureRestoreRequest"/> it is a request, not a
/// declared resource: the drill sends it and the stack never drifts. A failover has no "stop": once
/// sent, the standby is the primary, and the steady state after it is what the drill judges.
/// </summary>
/// <param name="SubscriptionId">The Azure subscription that holds the server.</param>
/// <param name="ResourceGroup">The environment's resource group.</param>
/// <param name="ServerName">The flexible server.</param>
public sealed record PostgresFailoverRequest(string SubscriptionId, string ResourceGroup, string ServerName)
{
    /// <summary>The ARM API version of the request (the one the restore drill uses).</summary>
    public const string ApiVersion = "2024-08-01";

    /// <summary>The server's ARM id.</summary>
    public string ServerId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{ServerName}";

    /// <summary>The path the request is POSTed to, under <c>https://management.azure.com</c>.</summary>
    public string ArmPath => $"{ServerId}/restart?api-version={ApiVersion}";

    /// <summary>The request body: a restart that fails over to the standby without waiting for it to catch up.</summary>
    public static JsonObject ArmBody => new()
    {
        ["restartWithFailover"] = true,
        ["failoverMode"] = "ForcedFailover",
    };

    /// <summary><c>az</c>'s arguments for the same request.</summary>
    public IReadOnlyList<string> AzCliArguments =>
    [
        "postgres", "flexible-server", "restart",
        "--subscription", SubscriptionId,
        "--resource-group", ResourceGroup,
        "--name", ServerName,
        "--failover", "Forced",
    ];
}
