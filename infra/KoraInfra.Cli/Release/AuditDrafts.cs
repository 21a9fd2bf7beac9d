using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Cli.Release;

/// <summary>Audit entries for the release commands (sequence, time and hashes are filled in by the log).</summary>
internal static class AuditDrafts
{
    public static DeployAuditEntry Promotion(PromotionEvidence evidence, GateReport report, string who, string? manifestPath, string? manifestSha256) => new()
    {
        Sequence = 0,
        At = default,
        Who = who,
        Stack = PromotionGates.TargetStack(evidence.Gate),
        Action = DeployAction.Promote,
        Release = evidence.Version?.ToString() ?? "main@" + evidence.Commit[..Math.Min(12, evidence.Commit.Length)],
        Commit = evidence.Commit,
        Images = evidence.Images.Select(i => i.ToString()).ToList(),
        Result = report.Passed ? DeployResult.Admitted : DeployResult.Refused,
        FailedConditions = report.Failures.Select(f => f.Id).ToList(),
        Manifest = manifestPath,
        ManifestSha256 = manifestSha256,
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
}
