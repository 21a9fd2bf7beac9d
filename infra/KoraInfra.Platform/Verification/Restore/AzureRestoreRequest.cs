using System.Globalization;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// The Azure driver's decision: a point-in-time restore of the environment's flexible server into
/// a new, throwaway server in the same resource group, driven from the pipeline (never declared in
/// the program, so the drill cannot drift the stack). The pipeline runs <see cref="AzCliArguments"/>
/// (<c>az postgres flexible-server restore</c>), or PUTs <see cref="ArmBody"/> to the new server's
/// id (api-version 2024-08-01, <c>createMode: PointInTimeRestore</c>), then deletes the server.
/// </summary>
/// <param name="ResourceGroup">The environment's resource group.</param>
/// <param name="SourceServerId">The ARM id of the environment's flexible server.</param>
/// <param name="Location">The region (the restore lands in the source's region).</param>
/// <param name="RestorePoint">The point in time to restore to.</param>
/// <param name="DrillTag">A short unique tag (e.g. the run id) for the throwaway server's name.</param>
public sealed record AzureRestoreRequest(string ResourceGroup, string SourceServerId, string Location, DateTimeOffset RestorePoint, string DrillTag)
{
    /// <summary>The throwaway server's name: the source's, suffixed, within Azure's 63-character limit.</summary>
    public string TargetServerName
    {
        get
        {
            var source = SourceServerId[(SourceServerId.LastIndexOf('/') + 1)..];
            var suffix = "-drill-" + new string(DrillTag.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
            return (source.Length + suffix.Length > 63 ? source[..(63 - suffix.Length)] : source) + suffix;
        }
    }

    /// <summary>The restore point in the ISO 8601 UTC form both the CLI and ARM take.</summary>
    public string RestorePointUtc => RestorePoint.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>az postgres flexible-server restore</c>'s arguments.</summary>
    public IReadOnlyList<string> AzCliArguments =>
    [
        "postgres", "flexible-server", "restore",
        "--resource-group", ResourceGroup,
        "--name", TargetServerName,
        "--source-server", SourceServerId,
        "--restore-time", RestorePointUtc,
    ];

    /// <summary>The ARM request body for the new server (Microsoft.DBforPostgreSQL/flexibleServers).</summary>
    public JsonObject ArmBody => new()
    {
        ["location"] = Location,
        ["properties"] = new JsonObject
        {
            ["createMode"] = "PointInTimeRestore",
            ["sourceServerResourceId"] = SourceServerId,
            ["pointInTimeUTC"] = RestorePointUtc,
        },
    };

    /// <summary>Refuses a request Azure would refuse, before anything is called.</summary>
    public IReadOnlyList<string> Problems(DateTimeOffset now, TimeSpan backupRetention)
    {
        var problems = new List<string>();
        if (!SourceServerId.StartsWith("/subscriptions/", StringComparison.Ordinal) || !SourceServerId.Contains("/providers/Microsoft.DBforPostgreSQL/flexibleServers/", StringComparison.Ordinal))
        {
            problems.Add($"source server '{SourceServerId}' is not a flexible server ARM id; expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.DBforPostgreSQL/flexibleServers/<name>");
        }

        if (RestorePoint > now)
        {
            problems.Add($"restore point {RestorePointUtc} is in the future");
        }
        else if (RestorePoint < now - backupRetention)
        {
            problems.Add($"restore point {RestorePointUtc} is older than the server's backup retention of {backupRetention.TotalDays} days");
        }

        return problems;
    }
}
