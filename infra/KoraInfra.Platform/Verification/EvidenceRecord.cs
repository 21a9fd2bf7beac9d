using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Verification;

/// <summary>
/// What one run of a staging check saw, bound to exactly what it ran against (stack, commit, RC,
/// images by digest) and when. Signed by the pipeline (<see cref="EvidenceSigner"/>); the gates
/// accept only such records, never a typed-in <c>passed: true</c>.
/// </summary>
public sealed record EvidenceRecord
{
    /// <summary>Which check ran.</summary>
    public required VerificationKind Kind { get; init; }

    /// <summary>The stack it ran in (staging).</summary>
    public required string Stack { get; init; }

    /// <summary>The commit of the artifact it ran against (40 hex).</summary>
    public required string Commit { get; init; }

    /// <summary>The release candidate it ran against.</summary>
    public required ReleaseVersion ReleaseCandidate { get; init; }

    /// <summary>Every image that was running, by digest.</summary>
    public required IReadOnlyList<ImageReference> Images { get; init; }

    /// <summary>When the check started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the check finished (teardown included).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The numbers it measured.</summary>
    public required IReadOnlyList<Measurement> Measurements { get; init; }

    /// <summary>Whether the check passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>Why it failed (empty when it passed) or, for a pass, notes a reviewer should read.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>What ran the check (<c>local</c>, <c>azure</c>, <c>k6</c>, <c>chaos-mesh</c>).</summary>
    public required string Driver { get; init; }

    /// <summary>
    /// The fault-injection experiment the record is about (<c>n8n-worker-pod-kill</c>, …); null for
    /// every other kind. The RC gate wants one passing record per experiment, so a record has to
    /// say which one it proves, in a signed field rather than a reason's wording.
    /// </summary>
    public string? Experiment { get; init; }

    /// <summary>A measurement by name, if recorded.</summary>
    public Measurement? Measured(string name) => Measurements.FirstOrDefault(m => m.Name == name);
}
