namespace KoraInfra.Platform.Release.Audit;

/// <summary>
/// The anchor of a log: how many entries it holds and the last hash. A hash chain alone cannot
/// tell that its tail was cut off; comparing with the head can. The head is written next to the
/// log after every append and is also published by the pipeline (job summary, WORM storage) so
/// it can be given to <c>kora audit verify</c> from outside the files an attacker could rewrite.
/// </summary>
/// <param name="Count">Number of entries.</param>
/// <param name="LastHash">Hash of the last entry (64 zeros for an empty log).</param>
public sealed record AuditHead(long Count, string LastHash)
{
    /// <summary>The hash that precedes the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The head of an empty log.</summary>
    public static AuditHead Empty { get; } = new(0, Genesis);
}
