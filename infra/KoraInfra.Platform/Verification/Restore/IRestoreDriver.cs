namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// Restores the environment's PostgreSQL to a point in time into a throwaway server, and tears
/// it down. Two drivers: <see cref="LocalRestoreDriver"/> (tests, CI) and the Azure flexible
/// server point-in-time restore (<see cref="AzureRestoreDriver"/>, driven from the pipeline).
/// </summary>
public interface IRestoreDriver
{
    /// <summary>What the record calls this driver (<c>local</c>, <c>azure</c>).</summary>
    string Name { get; }

    /// <summary>Locates or takes the backup the restore starts from (before the restore point is chosen).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure everything up to <paramref name="target"/> is recoverable (e.g. the WAL holding it
    /// is archived), restores into a new server, and returns a connection string to its database
    /// once it accepts connections and has left recovery.
    /// </summary>
    Task<string> RestoreAsync(DateTimeOffset target, CancellationToken cancellationToken);

    /// <summary>Removes the restored server (always called, pass or fail).</summary>
    Task TeardownAsync();
}
