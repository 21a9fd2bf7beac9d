namespace KoraInfra.Cli.Output.Reports;

/// <summary><c>kora audit verify --json</c>: each deploy audit log verified.</summary>
/// <param name="Intact">Whether every log verified (exit code 0).</param>
/// <param name="Logs">Each log, in the order verified.</param>
internal sealed record AuditVerifyReport(bool Intact, IReadOnlyList<AuditLogReport> Logs);

/// <summary>One deploy audit log's verification.</summary>
/// <param name="Log">The log's file name.</param>
/// <param name="Intact">Whether it has no problem.</param>
/// <param name="Entries">Entries in the log.</param>
/// <param name="HeadHash">The hash of its last entry (the head).</param>
/// <param name="Problems">Each problem: an edit, deletion, reordering, truncation, a bad signature, a WORM copy it does not extend.</param>
internal sealed record AuditLogReport(string Log, bool Intact, long Entries, string HeadHash, IReadOnlyList<string> Problems);
