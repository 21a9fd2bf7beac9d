using KoraInfra.Platform.Verification;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// A verification condition (load, soak, fault injection, restore drill) is met only by a signed
/// evidence record that verifies with the release key, is bound to this release (stack, commit,
/// RC, images) and newer than the RC's artifact in staging; the newest such record decides. Every
/// record that was offered and not counted is named with the reason.
/// </summary>
public static class VerifiedRecordCondition
{
    /// <summary>Judges the offered records for one kind; <paramref name="judge"/> adds the kind's own checks on the deciding record.</summary>
    public static GateCondition Evaluate(
        string id,
        string requirement,
        VerificationKind kind,
        VerificationRecords offered,
        EvidenceBinding binding,
        Func<EvidenceRecord, IEnumerable<string>>? judge = null)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(binding);
        var name = VerificationNames.Of(kind);
        var notCounted = new List<string>();
        var bound = new List<EvidenceVerification>();
        foreach (var offer in offered.Records)
        {
            if (offer.Record is { } record && record.Kind == kind)
            {
                var problems = binding.Problems(record);
                if (problems.Count == 0)
                {
                    bound.Add(offer);
                }
                else
                {
                    notCounted.Add($"'{offer.Source}' is for another release: " + string.Join("; ", problems));
                }
            }
            else if (offer.Record is null && (offer.ClaimedKind is null || offer.ClaimedKind == kind))
            {
                notCounted.Add($"'{offer.Source}' was refused: {offer.Refusal}");
            }
        }

        string? missing;
        if (bound.Count == 0)
        {
            missing = $"a signed '{name}' evidence record bound to this release in {offered.Where}"
                + (notCounted.Count == 0 ? " (none found)" : "; not counted: " + string.Join(" | ", notCounted));
        }
        else
        {
            var deciding = bound.MaxBy(b => b.Record!.FinishedAt)!;
            var record = deciding.Record!;
            var gaps = new List<string>();
            if (!record.Passed)
            {
                gaps.Add($"the newest '{name}' record '{deciding.Source}' failed: " + string.Join("; ", record.Reasons));
            }

            gaps.AddRange((judge?.Invoke(record) ?? []).Select(g => $"'{deciding.Source}': {g}"));
            missing = gaps.Count == 0 ? null : string.Join("; ", gaps);
        }

        return new GateCondition(id, requirement, missing is null, missing);
    }
}
