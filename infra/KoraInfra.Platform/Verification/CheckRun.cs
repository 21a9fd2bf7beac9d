using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Verification;

/// <summary>What a check ran against and when: everything a record binds besides what it measured.</summary>
/// <param name="Stack">The stack it ran in.</param>
/// <param name="Commit">The commit of the artifact running (40 hex).</param>
/// <param name="ReleaseCandidate">The RC running.</param>
/// <param name="Images">Every image running, by digest.</param>
/// <param name="StartedAt">When the run started (the pipeline notes it before it starts the Job).</param>
/// <param name="FinishedAt">When its result was read.</param>
public sealed record CheckRun(string Stack, string Commit, ReleaseVersion ReleaseCandidate, IReadOnlyList<ImageReference> Images, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>The unsigned record of this run.</summary>
    public EvidenceRecord Record(VerificationKind kind, string driver, IReadOnlyList<Measurement> measurements, IReadOnlyList<string> reasons) => new()
    {
        Kind = kind,
        Stack = Stack,
        Commit = Commit,
        ReleaseCandidate = ReleaseCandidate,
        Images = Images,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        Measurements = measurements,
        Passed = reasons.Count == 0,
        Reasons = reasons,
        Driver = driver,
    };
}
