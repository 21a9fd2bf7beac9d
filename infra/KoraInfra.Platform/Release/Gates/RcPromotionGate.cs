using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// "Promote RC" (seed 4.2): "janela de release apos staging estavel + carga/soak/fault injection
/// aprovados", approved by "qa + architect + devops", "exige scorecard RC, RTM P0 completa e sem
/// finding critico aberto"; plus the additional CI gates of 4.1 for RC/GA (RTM P0, an immutable
/// artifact per commit SHA, runbook evidence tied to the RC) and staging's "migracao+rollback".
/// </summary>
public static class RcPromotionGate
{
    /// <summary>The approvals an RC needs.</summary>
    public static IReadOnlyList<ApprovalRole> RequiredApprovals { get; } = [ApprovalRole.Qa, ApprovalRole.Architect, ApprovalRole.Devops];

    /// <summary>Judges the evidence in its context (history, promoter, clock, credentials).</summary>
    public static GateReport Evaluate(PromotionEvidence evidence, GateContext context)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(context);
        var staged = RanInStagingCondition.Find(evidence, context.History);
        var binding = new EvidenceBinding("staging", evidence.Commit, evidence.Version, evidence.Images, staged?.At);
        var baseline = staged is null ? null : new ApprovalBaseline(staged.At, $"the artifact ran in staging (audit entry {staged.Sequence})");
        List<GateCondition> conditions =
        [
            ConditionChecks.Tag("rc-tag", "release candidate marcada por tag", evidence, candidate: true),
            ConditionChecks.Evidence("staging-stable", EvidenceKind.StagingStable, evidence.Evidence, "staging estavel", "staging stable over the release window"),
            VerifiedRecordCondition.Evaluate("load-approved", "carga aprovada", VerificationKind.Load, context.Records, binding),
            VerifiedRecordCondition.Evaluate("soak-approved", "soak aprovado", VerificationKind.Soak, context.Records, binding),
            FaultInjectionCondition.Evaluate("fault-injection-approved", "fault injection aprovado", context.FaultExperiments, context.Records, binding),

            // Staging's own mandatory list (seed section 3) also names "migracao+rollback"; the
            // other items are judged above (fault injection, RTM P0), by the required-check (smoke)
            // and by the prod gate (restore drill).
            ConditionChecks.Evidence("migration-and-rollback", EvidenceKind.MigrationAndRollback, evidence.Evidence, "staging: migracao+rollback", "the migration applied and rolled back in staging"),
        ];
        conditions.AddRange(ApprovalConditions.Evaluate("approval", RequiredApprovals, evidence.Approvals, context, baseline, "aprovacao: qa + architect + devops"));
        conditions.Add(ConditionChecks.Scorecard(evidence.Scorecard, "scorecard RC"));
        conditions.Add(ConditionChecks.RtmP0(evidence.RtmP0));
        conditions.Add(ConditionChecks.NoOpenCriticalFinding(evidence.OpenCriticalFindings));
        conditions.Add(ConditionChecks.ImmutableArtifact(evidence));
        conditions.Add(ConditionChecks.Evidence("runbook-evidence-linked", EvidenceKind.Runbook, evidence.Evidence, "vinculo entre evidencias de runbook e release candidate", "runbook evidence tied to this release candidate"));
        conditions.Add(RanInStagingCondition.Evaluate(evidence, context.History));
        conditions.Add(CompromisedCredentialCondition.Evaluate("staging", evidence, context.Credentials));
        conditions.Add(VersionNamespaceCondition.Evaluate(evidence, context.History));
        return new GateReport(PromotionGate.PromoteRc, conditions);
    }
}
