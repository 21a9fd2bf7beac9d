namespace KoraInfra.Platform.Verification;

/// <summary>The outcome of verifying one signed record: the record, or why it was refused.</summary>
/// <param name="Source">Where the record came from (its file name), for messages.</param>
/// <param name="Record">The verified record, when it was accepted.</param>
/// <param name="Refusal">Why it was refused, when it was.</param>
/// <param name="ClaimedKind">
/// For a refused record: the kind its unverified payload claims, if it can be read. Used only to
/// say which condition a tampered record was meant for, never to accept anything.
/// </param>
public sealed record EvidenceVerification(string Source, EvidenceRecord? Record, string? Refusal, VerificationKind? ClaimedKind = null)
{
    /// <summary>Whether the signature and the record's shape were accepted.</summary>
    public bool IsValid => Record is not null;
}
