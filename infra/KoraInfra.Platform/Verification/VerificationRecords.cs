namespace KoraInfra.Platform.Verification;

/// <summary>The evidence records offered to a gate, each already checked against the release key.</summary>
/// <param name="Where">Where they were read from (a directory, the release store's RC folder), for messages.</param>
/// <param name="Records">Every record read, accepted or refused.</param>
public sealed record VerificationRecords(string Where, IReadOnlyList<EvidenceVerification> Records)
{
    /// <summary>No records at all.</summary>
    public static VerificationRecords None { get; } = new("no record directory", []);
}
