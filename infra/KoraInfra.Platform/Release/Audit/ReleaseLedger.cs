using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>
/// What the stacks ran, replayed from a verified deploy audit log: the history the gates read to
/// know whether an artifact ran in staging, which RC of a release is the latest stable one, and
/// which versions are already taken. Built only from a log that verified, so a rewritten history
/// never reaches a gate.
/// </summary>
public sealed class ReleaseLedger
{
    private ReleaseLedger(IReadOnlyList<DeployAuditEntry> entries) => Entries = entries;

    /// <summary>An empty history (a stack before its first release).</summary>
    public static ReleaseLedger Empty { get; } = new([]);

    /// <summary>
    /// The history of entries the caller has already verified (the rotation check reads the log
    /// it verified itself).
    /// </summary>
    public static ReleaseLedger Of(IEnumerable<DeployAuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new ReleaseLedger([.. entries]);
    }

    /// <summary>Every entry, in log order.</summary>
    public IReadOnlyList<DeployAuditEntry> Entries { get; }

    /// <summary>The history of a verified log; refuses a log that failed verification.</summary>
    public static ReleaseLedger From(AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return verification.IsIntact
            ? new ReleaseLedger(verification.Entries)
            : throw new ReleaseDocumentException("a release history is read only from a deploy audit log that verifies: " + string.Join("; ", verification.Problems));
    }

    /// <summary>
    /// The releases a stack ran, oldest first: an admitted promotion puts a release on top, an
    /// admitted rollback takes the top one off; a rotation (the running release re-applied) or a
    /// plan check changes nothing. The top is what runs now.
    /// </summary>
    public IReadOnlyList<DeployAuditEntry> Deployed(string stack)
    {
        var deployed = new List<DeployAuditEntry>();
        foreach (var entry in Admitted(stack))
        {
            if (entry.Action == DeployAction.Promote)
            {
                deployed.Add(entry);
            }
            else if (entry.Action == DeployAction.Rollback && deployed.Count > 0)
            {
                deployed.RemoveAt(deployed.Count - 1);
            }
        }

        return deployed;
    }

    /// <summary>Admitted staging deploys of main builds (the <c>deploy-staging</c> gate), oldest first.</summary>
    public IReadOnlyList<DeployAuditEntry> StagingDeploys() =>
        Admitted("staging").Where(e => e.Action == DeployAction.Promote && e.Gate == PromotionGate.DeployStaging).ToList();

    /// <summary>Every promotion attempt of a release label on a stack (admitted or refused), oldest first.</summary>
    public IReadOnlyList<DeployAuditEntry> Attempts(string stack, string release) =>
        Entries.Where(e => e.Stack == stack && e.Action == DeployAction.Promote && e.Release == release).ToList();

    /// <summary>The admitted promotion of a release label on a stack, if any (a release is promoted once).</summary>
    public DeployAuditEntry? AdmittedPromotion(string stack, string release) =>
        Attempts(stack, release).FirstOrDefault(e => e.Result == DeployResult.Admitted);

    /// <summary>The admitted rollback that took a release off a stack, if any.</summary>
    public DeployAuditEntry? RollbackOf(string stack, string release) =>
        Admitted(stack).FirstOrDefault(e => e.Action == DeployAction.Rollback && e.RollbackOf == release);

    /// <summary>
    /// The release candidates of a release (same X.Y.Z) that the RC gate admitted into staging and
    /// no rollback took off again, oldest first: the last is the latest stable RC.
    /// </summary>
    public IReadOnlyList<DeployAuditEntry> StableCandidates(ReleaseVersion release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Admitted("staging")
            .Where(e => e.Action == DeployAction.Promote && e.Gate == PromotionGate.PromoteRc)
            .Where(e => ReleaseVersion.TryParse(e.Release) is { IsReleaseCandidate: true } v && v.SameReleaseAs(release))
            .Where(e => RollbackOf("staging", e.Release) is null)
            .ToList();
    }

    private IEnumerable<DeployAuditEntry> Admitted(string stack) => Entries.Where(e => e.Stack == stack && e.Result == DeployResult.Admitted);
}
