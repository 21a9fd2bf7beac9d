using System.Text.Json.Serialization;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Verification;

/// <summary>
/// An in-toto Statement v1 whose subjects are the images the check ran against and whose
/// predicate is the <see cref="EvidenceRecord"/>: the same shape as a release manifest's
/// statement, with its own predicate type so one can never pass for the other.
/// </summary>
/// <param name="Type">Always <see cref="InTotoStatement.StatementType"/>.</param>
/// <param name="Subject">The images, by name and digest.</param>
/// <param name="PredicateType">Always <see cref="RecordPredicateType"/>.</param>
/// <param name="Predicate">The evidence record.</param>
public sealed record EvidenceStatement(
    [property: JsonPropertyName("_type")] string Type,
    IReadOnlyList<InTotoSubject> Subject,
    string PredicateType,
    EvidenceRecord Predicate)
{
    /// <summary>The predicate type of a KoraInfra verification record (version 1 of its schema).</summary>
    public const string RecordPredicateType = "https://koraos.dev/kora-infra/verification-evidence/v1";

    /// <summary>The statement for a record.</summary>
    public static EvidenceStatement For(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var subjects = record.Images
            .Select(i => new InTotoSubject(i.Name, new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = i.Digest["sha256:".Length..] }))
            .ToList();
        return new EvidenceStatement(InTotoStatement.StatementType, subjects, RecordPredicateType, record);
    }
}
