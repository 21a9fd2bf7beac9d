using System.Globalization;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Verification;

/// <summary>
/// What a record must have run against to count for a promotion: the stack, the commit, the RC,
/// exactly the image set (by digest), and a start no earlier than the moment the RC's artifact
/// was deployed to staging (a check that ran before cannot have seen it).
/// </summary>
/// <param name="Stack">The stack the check must have run in.</param>
/// <param name="Commit">The commit being promoted.</param>
/// <param name="ReleaseCandidate">The RC being promoted (or the RC a GA release promotes).</param>
/// <param name="Images">The images being promoted.</param>
/// <param name="NotBefore">When the artifact reached staging (the audit log's admitted staging deploy); null when the history does not show it.</param>
public sealed record EvidenceBinding(string Stack, string Commit, ReleaseVersion? ReleaseCandidate, IReadOnlyList<ImageReference> Images, DateTimeOffset? NotBefore)
{
    /// <summary>Every way the record is bound to something else, empty when it is bound to this release.</summary>
    public IReadOnlyList<string> Problems(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        if (record.Stack != Stack)
        {
            problems.Add($"ran in stack '{record.Stack}', not '{Stack}'");
        }

        if (record.Commit != Commit)
        {
            problems.Add($"ran against commit {record.Commit}, not {Commit}");
        }

        if (ReleaseCandidate is null)
        {
            problems.Add("the promotion names no RC to bind the record to");
        }
        else if (record.ReleaseCandidate != ReleaseCandidate)
        {
            problems.Add($"ran against RC {record.ReleaseCandidate}, not {ReleaseCandidate}");
        }

        var ran = EvidenceRecordRules.ImageSet(record.Images).ToList();
        var promoted = EvidenceRecordRules.ImageSet(Images).ToList();
        if (!ran.SequenceEqual(promoted, StringComparer.Ordinal))
        {
            problems.Add($"ran against images [{string.Join(", ", ran)}], not the promoted [{string.Join(", ", promoted)}]");
        }

        // Without a staging deploy of the artifact in the history there is no age to judge; the gate
        // refuses that case by its own condition (ran-in-staging, latest-stable-rc).
        if (NotBefore is { } arrived && record.StartedAt < arrived)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"started {record.StartedAt:O}, older than the RC: its artifact reached staging at {arrived:O}"));
        }

        return problems;
    }
}
