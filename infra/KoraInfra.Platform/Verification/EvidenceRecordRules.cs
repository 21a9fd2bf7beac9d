using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification.FaultInjection;

namespace KoraInfra.Platform.Verification;

/// <summary>What makes a record well formed: nothing else is signed, and nothing else is accepted.</summary>
public static class EvidenceRecordRules
{
    /// <summary>Every problem of a record, empty when it is well formed.</summary>
    public static IReadOnlyList<string> Problems(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(record.Stack))
        {
            problems.Add("stack: empty; expected the stack the check ran in");
        }

        if (record.Commit.Length != 40 || !record.Commit.All(char.IsAsciiHexDigitLower))
        {
            problems.Add($"commit: '{record.Commit}'; expected 40 lowercase hex");
        }

        if (!record.ReleaseCandidate.IsReleaseCandidate)
        {
            problems.Add($"releaseCandidate: '{record.ReleaseCandidate}' is not an RC; expected 'vX.Y.Z-rc.N'");
        }

        if (record.Images.Count == 0)
        {
            problems.Add("images: none; expected every image that ran, by digest");
        }

        if (record.FinishedAt < record.StartedAt)
        {
            problems.Add($"finishedAt {record.FinishedAt:O} is before startedAt {record.StartedAt:O}");
        }

        if (!record.Passed && record.Reasons.Count == 0)
        {
            problems.Add("reasons: a failed record names at least one reason");
        }

        if (record.Passed && record.Measurements.FirstOrDefault(m => !m.WithinLimit) is { } over)
        {
            problems.Add($"passed, but measurement '{over.Name}' = {over.Value} {over.Unit} exceeds its maximum {over.Maximum}");
        }

        if (record.Kind == VerificationKind.FaultInjection && (record.Experiment is null || !FaultExperimentNames.ByName.ContainsKey(record.Experiment)))
        {
            problems.Add($"experiment: '{record.Experiment}'; a fault-injection record names its experiment, one of {FaultExperimentNames.Expected}");
        }
        else if (record.Kind != VerificationKind.FaultInjection && record.Experiment is not null)
        {
            problems.Add($"experiment: '{record.Experiment}' on a {VerificationNames.Of(record.Kind)} record; only fault-injection records name an experiment");
        }

        return problems;
    }

    /// <summary>The images as text, sorted, for comparisons and messages.</summary>
    internal static IEnumerable<string> ImageSet(IEnumerable<ImageReference> images) =>
        images.Select(i => i.ToString()).Order(StringComparer.Ordinal);
}
