namespace KoraInfra.Platform.Release.Audit;

/// <summary>
/// Compares a log with a copy kept in the release store (WORM: once written, never changed): the
/// log must extend the copy, entry for entry. A log rewritten from the first changed entry on, or
/// cut back, no longer does, whatever its own head file says.
/// </summary>
public static class WormCopyCheck
{
    /// <summary>Every way <paramref name="log"/> fails to extend <paramref name="copy"/>; empty when it does.</summary>
    public static IReadOnlyList<string> Problems(AuditVerification log, AuditVerification copy, string copyName)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(copy);
        if (!copy.IsIntact)
        {
            return [$"the WORM copy {copyName} itself fails verification ({string.Join("; ", copy.Problems)}): it cannot anchor the log"];
        }

        if (copy.Entries.Count > log.Entries.Count)
        {
            return [$"the WORM copy {copyName} holds {copy.Entries.Count} entries but the log holds {log.Entries.Count}: the log was truncated"];
        }

        for (var i = 0; i < copy.Entries.Count; i++)
        {
            if (copy.Entries[i].Hash != log.Entries[i].Hash)
            {
                return [$"entry {i + 1} differs from the WORM copy {copyName} (hash {log.Entries[i].Hash[..16]}… instead of {copy.Entries[i].Hash[..16]}…): the log was rewritten"];
            }
        }

        return [];
    }
}
