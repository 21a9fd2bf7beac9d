using System.Globalization;
using KoraInfra.Platform.Release.Audit;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// An RC names an artifact that already ran in staging: its commit and every image digest are
/// those of a staging deploy the <c>deploy-staging</c> gate admitted before it (risk R-DO-002: no
/// artifact reaches a release outside the flow).
/// </summary>
public static class RanInStagingCondition
{
    /// <summary>The condition's id.</summary>
    public const string Id = "ran-in-staging";

    /// <summary>The latest admitted staging deploy of exactly this artifact, if any.</summary>
    public static DeployAuditEntry? Find(PromotionEvidence evidence, ReleaseLedger history)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(history);
        var images = Set(evidence.Images.Select(i => i.ToString()));
        return history.StagingDeploys().LastOrDefault(e => e.Commit == evidence.Commit && Set(e.Images).SetEquals(images));
    }

    /// <summary>Judges the evidence.</summary>
    public static GateCondition Evaluate(PromotionEvidence evidence, ReleaseLedger history)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(history);
        const string Requirement = "RC de artefato que rodou em staging (mesmo commit, mesmas imagens por digest)";
        string? missing = null;
        if (Find(evidence, history) is null)
        {
            var sameCommit = history.StagingDeploys().LastOrDefault(e => e.Commit == evidence.Commit);
            missing = sameCommit is null
                ? $"an admitted staging deploy of commit {evidence.Commit}: the audit log holds none, so this artifact never ran in staging"
                : string.Create(CultureInfo.InvariantCulture, $"the images staging ran for commit {evidence.Commit} (audit entry {sameCommit.Sequence}): ") + Difference(evidence, sameCommit);
        }

        return new GateCondition(Id, Requirement, missing is null, missing);
    }

    private static string Difference(PromotionEvidence evidence, DeployAuditEntry staged)
    {
        var ran = Set(staged.Images);
        var wanted = Set(evidence.Images.Select(i => i.ToString()));
        var extra = wanted.Except(ran).Select(i => $"'{i}' never ran in staging");
        var absent = ran.Except(wanted).Select(i => $"'{i}' ran in staging but is not in the RC");
        return string.Join("; ", extra.Concat(absent));
    }

    private static HashSet<string> Set(IEnumerable<string> images) => new(images, StringComparer.Ordinal);
}
