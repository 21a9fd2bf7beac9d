namespace KoraInfra.Platform.Release.Audit;

/// <summary>The outcome of verifying a log: the entries read, and every sign of tampering.</summary>
/// <param name="Entries">The entries that could be read, in file order.</param>
/// <param name="Problems">Each problem, naming the line and what it means (edit, deletion, reordering, truncation).</param>
/// <param name="Head">The head computed from the file (count and last hash).</param>
public sealed record AuditVerification(IReadOnlyList<DeployAuditEntry> Entries, IReadOnlyList<string> Problems, AuditHead Head)
{
    /// <summary>Whether the log is intact.</summary>
    public bool IsIntact => Problems.Count == 0;
}
