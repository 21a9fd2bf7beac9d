using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Cli.Release;

/// <summary>Audit entries for the release commands (sequence, time, hash and signature are filled in by the log).</summary>
internal static class AuditDrafts
{
    /// <summary>The failed condition recorded for evidence no gate could read.</summary>
    public const string UnreadableEvidence = "evidence-well-formed";

    public static DeployAuditEntry Promotion(PromotionEvidence evidence, GateReport report, string who, string? manifestPath, string? manifestSha256) => new()
    {
        Sequence = 0,
        At = default,
        Who = who,
        Stack = PromotionGates.TargetStack(evidence.Gate),
        Action = DeployAction.Promote,
        Gate = evidence.Gate,
        Release = evidence.Version?.ToString() ?? "main@" + evidence.Commit[..Math.Min(12, evidence.Commit.Length)],
        Commit = evidence.Commit,
        Images = evidence.Images.Select(i => i.ToString()).ToList(),
        Result = report.Passed ? DeployResult.Admitted : DeployResult.Refused,
        FailedConditions = report.Failures.Select(f => f.Id).ToList(),
        Manifest = manifestPath,
        ManifestSha256 = manifestSha256,
    };

    /// <summary>A promotion attempt whose evidence could not be read: recorded so a probe leaves a trace.</summary>
    public static DeployAuditEntry Unreadable(string stack, PromotionGate? gate, string who, string reason) => new()
    {
        Sequence = 0,
        At = default,
        Who = who,
        Stack = stack,
        Action = DeployAction.Promote,
        Gate = gate,
        Release = "(unreadable evidence)",
        Commit = string.Empty,
        Images = [],
        Result = DeployResult.Refused,
        FailedConditions = [UnreadableEvidence],
        Reason = reason.Length > 500 ? reason[..500] + "…" : reason,
    };

    public static DeployAuditEntry Rollback(ReleaseManifest target, string who, string rollbackOf, string manifestPath, string manifestSha256) => new()
    {
        Sequence = 0,
        At = default,
        Who = who,
        Stack = target.Stack,
        Action = DeployAction.Rollback,
        Release = target.Label,
        Commit = target.Commit,
        Images = target.Images.Select(i => i.ToString()).ToList(),
        Result = DeployResult.Admitted,
        RollbackOf = rollbackOf,
        Manifest = manifestPath,
        ManifestSha256 = manifestSha256,
    };

    /// <summary>A rollback refused before anything changed.</summary>
    public static DeployAuditEntry RefusedRollback(string stack, DeployAuditEntry? target, string? rollbackOf, string who, string reason) => new()
    {
        Sequence = 0,
        At = default,
        Who = who,
        Stack = stack,
        Action = DeployAction.Rollback,
        Release = target?.Release ?? "(none)",
        Commit = target?.Commit ?? string.Empty,
        Images = target?.Images ?? [],
        Result = DeployResult.Refused,
        RollbackOf = rollbackOf,
        Reason = reason,
    };
}
