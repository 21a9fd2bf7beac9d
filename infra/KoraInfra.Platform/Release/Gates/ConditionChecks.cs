using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>Condition checks several gates share.</summary>
internal static class ConditionChecks
{
    public static readonly IReadOnlyDictionary<ApprovalRole, string> RoleNames = new Dictionary<ApprovalRole, string>
    {
        [ApprovalRole.DevopsOnCall] = "devops-on-call",
        [ApprovalRole.Devops] = "devops",
        [ApprovalRole.Qa] = "qa",
        [ApprovalRole.Architect] = "architect",
        [ApprovalRole.Po] = "po",
        [ApprovalRole.Pm] = "pm",
    };

    public static readonly IReadOnlyDictionary<EvidenceKind, string> EvidenceNames = new Dictionary<EvidenceKind, string>
    {
        [EvidenceKind.Lint] = "lint",
        [EvidenceKind.UnitIntegration] = "unit-integration",
        [EvidenceKind.SmokeRuntime] = "smoke-runtime",
        [EvidenceKind.SecurityChecks] = "security-checks",
        [EvidenceKind.StagingStable] = "staging-stable",
        [EvidenceKind.MigrationAndRollback] = "migration-and-rollback",
        [EvidenceKind.Runbook] = "runbook",
    };

    public static GateCondition Evidence(string id, EvidenceKind kind, IReadOnlyList<EvidenceLink> evidence, string requirement, string what)
    {
        var name = EvidenceNames[kind];
        var links = evidence.Where(e => e.Kind == kind).ToList();
        string? missing = links.Count switch
        {
            0 => $"evidence '{name}': {what}",
            _ when links.Any(l => !l.Passed) => $"evidence '{name}' is recorded as failed ({links.First(l => !l.Passed).Url}); expected a passing {what}",
            _ => null,
        };
        return new GateCondition(id, requirement, missing is null, missing);
    }

    public static GateCondition Tag(string id, string requirement, PromotionEvidence evidence, bool candidate)
    {
        var shape = candidate ? "an RC tag 'vX.Y.Z-rc.N'" : "a GA tag 'vX.Y.Z'";
        string? missing = evidence.Version switch
        {
            null => $"a version: the pipeline runs for '{evidence.Ref}', which names no release; expected {shape}",
            { IsReleaseCandidate: var rc } when rc != candidate => $"version '{evidence.Version}' is not {shape}",
            _ when evidence.Ref != "refs/tags/" + evidence.Version => $"the pipeline runs for '{evidence.Ref}'; expected the tag 'refs/tags/{evidence.Version}' (never a branch)",
            _ => null,
        };
        return new GateCondition(id, requirement, missing is null, missing);
    }

    public static GateCondition ImmutableArtifact(PromotionEvidence evidence)
    {
        string? missing = null;
        if (evidence.Commit.Length != 40 || !evidence.Commit.All(char.IsAsciiHexDigitLower))
        {
            missing = $"the commit SHA the artifact was built from (found '{evidence.Commit}'; expected 40 lowercase hex)";
        }
        else if (evidence.Images.Count == 0)
        {
            missing = "the images built from the commit, by digest 'name@sha256:<hex>'";
        }

        return new GateCondition("artifact-by-commit", "build de artefato imutavel por commit SHA (imagens por digest)", missing is null, missing);
    }

    public static GateCondition RtmP0(RtmP0Status? rtm) => new(
        "rtm-p0-complete",
        "RTM P0 (RF/RNF -> US -> TC -> evidencia) atualizada e validada",
        rtm is { Complete: true },
        rtm switch
        {
            null => "the RTM P0 status and its link",
            { Complete: false } => $"RTM P0 is incomplete ({rtm.Url})",
            _ => null,
        });

    public static GateCondition Scorecard(Scorecard? scorecard, string requirement) => new(
        "rc-scorecard",
        requirement,
        scorecard is { Passed: true },
        scorecard switch
        {
            null => "the RC scorecard result and its link",
            { Passed: false } => $"the RC scorecard did not pass ({scorecard.Url})",
            _ => null,
        });

    public static GateCondition NoOpenCriticalFinding(IReadOnlyList<string> findings) => new(
        "no-open-critical-finding",
        "sem finding critico aberto",
        findings.Count == 0,
        findings.Count == 0 ? null : $"closure of the open critical finding(s) {string.Join(", ", findings)}");
}
