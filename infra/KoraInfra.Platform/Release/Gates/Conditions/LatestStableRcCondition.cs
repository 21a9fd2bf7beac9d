using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// GA only from the latest stable RC of its release, as the verified history tells it: an RC the
/// RC gate refused, one a rollback took off staging ("voltar para ultima RC estavel sem promover
/// para prod"), or one a newer RC of the same release replaced is never promoted to prod; and the
/// RC manifest given must be the very file the history recorded.
/// </summary>
public static class LatestStableRcCondition
{
    /// <summary>The condition's id.</summary>
    public const string Id = "latest-stable-rc";

    /// <summary>The audit entry that admitted the source RC, when it is the latest stable one.</summary>
    public static DeployAuditEntry? Find(PromotionEvidence evidence, ReleaseLedger history) =>
        Judge(evidence, history, null).Entry;

    /// <summary>Judges the evidence's source RC against the history.</summary>
    public static GateCondition Evaluate(PromotionEvidence evidence, ManifestVerification? approvedRc, ReleaseLedger history)
    {
        var (_, missing) = Judge(evidence, history, approvedRc);
        return new GateCondition(Id, "GA apenas da ultima RC estavel (nao recusada, nao revertida, nao substituida)", missing is null, missing);
    }

    private static (DeployAuditEntry? Entry, string? Missing) Judge(PromotionEvidence evidence, ReleaseLedger history, ManifestVerification? approvedRc)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(history);
        if (evidence.SourceRc is not { IsReleaseCandidate: true } source)
        {
            return (null, "the RC this GA release promotes (sourceRc 'vX.Y.Z-rc.N')");
        }

        var label = source.ToString();
        var admitted = history.AdmittedPromotion("staging", label);
        if (admitted is null)
        {
            var attempts = history.Attempts("staging", label);
            var refused = attempts.Count == 0 ? null : attempts[^1];
            return (null, refused is null
                ? $"an RC the 'promote-rc' gate admitted: the audit log records no promotion of {label}"
                : $"an RC the 'promote-rc' gate admitted: {label} was refused (audit entry {refused.Sequence}: {Because(refused)})");
        }

        var stable = history.StableCandidates(source);
        var latest = stable.Count == 0 ? "none" : stable[^1].Release;
        if (history.RollbackOf("staging", label) is { } rollback)
        {
            return (null, $"a stable RC: {label} was rolled back in staging (audit entry {rollback.Sequence}); the latest stable RC of v{source.Major}.{source.Minor}.{source.Patch} is {latest}");
        }

        if (stable[^1].Release != label)
        {
            return (null, $"the latest stable RC: {label} (audit entry {admitted.Sequence}) was replaced by {latest} (audit entry {stable[^1].Sequence})");
        }

        if (approvedRc?.EnvelopeSha256 is { } digest && digest != admitted.ManifestSha256)
        {
            return (null, $"the RC manifest admitted in audit entry {admitted.Sequence} ({admitted.ManifestSha256}); the file given is {digest}");
        }

        return (admitted, null);
    }

    private static string Because(DeployAuditEntry refused) =>
        refused.FailedConditions.Count > 0 ? "failed " + string.Join(", ", refused.FailedConditions) : refused.Reason ?? "refused";
}
