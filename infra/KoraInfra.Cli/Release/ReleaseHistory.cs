using KoraInfra.Platform.Release.Audit;

namespace KoraInfra.Cli.Release;

/// <summary>
/// What a stack ran, replayed from the audit log: an admitted promotion puts a release on top, an
/// admitted rollback takes the top one off, a rotation (the running release re-applied) changes nothing. The top is what runs; the one below it is the
/// previous stable release a rollback returns to.
/// </summary>
internal static class ReleaseHistory
{
    public static IReadOnlyList<DeployAuditEntry> Deployed(IEnumerable<DeployAuditEntry> entries, string stack)
    {
        var deployed = new List<DeployAuditEntry>();
        foreach (var entry in entries.Where(e => e.Stack == stack && e.Result == DeployResult.Admitted))
        {
            if (entry.Action == DeployAction.Promote)
            {
                deployed.Add(entry);
            }
            else if (entry.Action == DeployAction.Rollback && deployed.Count > 0)
            {
                deployed.RemoveAt(deployed.Count - 1);
            }
        }

        return deployed;
    }
}
