using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Logins;

namespace KoraInfra.Platform.Verification.Staging;

/// <summary>
/// The heartbeat the restore drill measures its RPO by (<see cref="Restore.Heartbeat"/>): a
/// Deployment of one pod running <c>kora drill heartbeat</c> on the released kora tools image,
/// writing a row every 30 s. A CronJob cannot: its granularity is one minute, which would double
/// the measured data-loss window. It logs in as the application (<c>kora_app</c>, its current
/// rotation slot), never as the administrator: it needs only to insert one row.
/// </summary>
/// <param name="Name">The Deployment's name.</param>
/// <param name="Image">The released kora tools image (by digest), or the branch image.</param>
/// <param name="Login">The login it connects with.</param>
/// <param name="SecretName">The Secret holding the connection string.</param>
/// <param name="ConnectionVariable">The variable the connection string is read from.</param>
public sealed record HeartbeatWriterPlan(string Name, string Image, DatabaseLogin Login, string SecretName, string ConnectionVariable)
{
    /// <summary>The key of the connection string in the Secret.</summary>
    public const string ConnectionKey = "connection";

    /// <summary>The writer's arguments: the product's interval.</summary>
    public static IReadOnlyList<string> Args { get; } = ["drill", "heartbeat", "--interval-seconds", ((int)Restore.Heartbeat.ProductInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The writer of a stack whose kora tools image is <paramref name="toolsImage"/>.</summary>
    public static HeartbeatWriterPlan For(string? toolsImage) => new(
        "kora-heartbeat",
        toolsImage ?? TenantDatabasePlan.BranchToolsImage,
        DatabaseLogin.Find(DatabaseRoles.Application)!,
        "kora-heartbeat-db",
        "KORA_DB_CONNECTION");
}
