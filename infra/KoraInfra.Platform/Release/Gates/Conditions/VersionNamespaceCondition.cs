using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// Who may claim a version: a main build none, an RC version only the RC gate, a GA version only
/// the prod gate, each once. Whether a version is taken is read from the verified history, never
/// from a file's presence, so nobody can squat a version by committing a file under its name.
/// </summary>
public static class VersionNamespaceCondition
{
    /// <summary>The condition's id.</summary>
    public const string Id = "version-unclaimed";

    /// <summary>Judges the version the evidence claims for its gate.</summary>
    public static GateCondition Evaluate(PromotionEvidence evidence, ReleaseLedger history)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(history);
        const string Requirement = "versoes: build de main sem versao; RC apenas pelo gate de RC; GA apenas pelo gate de prod; uma vez cada";
        var stack = PromotionGates.TargetStack(evidence.Gate);
        var label = evidence.Version?.ToString() ?? "main@" + evidence.Commit[..Math.Min(12, evidence.Commit.Length)];
        string? missing = (evidence.Gate, evidence.Version) switch
        {
            (PromotionGate.DeployStaging, { } v) => $"no version for a main build: '{v}' is claimed only by the {(v.IsReleaseCandidate ? "'promote-rc'" : "'deploy-prod'")} gate",
            (PromotionGate.PromoteRc, { IsGeneralAvailability: true } v) => $"an RC version: the GA version '{v}' is claimed only by the 'deploy-prod' gate",
            (PromotionGate.DeployProd, { IsReleaseCandidate: true } v) => $"a GA version: the RC version '{v}' is claimed only by the 'promote-rc' gate",
            _ => null,
        };
        if (missing is null && history.AdmittedPromotion(stack, label) is { } taken)
        {
            missing = $"an unclaimed version: {label} was already admitted to {stack} (audit entry {taken.Sequence}); a release is promoted once: roll back with 'kora rollback', or tag a new release";
        }

        return new GateCondition(Id, Requirement, missing is null, missing);
    }
}
