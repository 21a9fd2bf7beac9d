using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// "Deploy staging" (seed 4.2): "merge em main com required-check verde", approved by "devops
/// on-call". The required-check is the four checks of seed 4.1, each with its evidence.
/// </summary>
public static class StagingDeployGate
{
    /// <summary>The ref a staging deploy must come from.</summary>
    public const string MainRef = "refs/heads/main";

    /// <summary>Judges the evidence in its context (history, promoter, clock, credentials).</summary>
    public static GateReport Evaluate(PromotionEvidence evidence, GateContext context)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(context);
        var merged = evidence.Ref == MainRef;
        return new GateReport(PromotionGate.DeployStaging,
        [
            new GateCondition("merged-to-main", "merge em `main`", merged, merged ? null : $"a merge to main: the pipeline runs for '{evidence.Ref}'; expected '{MainRef}'"),
            ConditionChecks.Evidence("required-check.lint", EvidenceKind.Lint, evidence.Evidence, "required-check: Lint", "the lint report attached to the CI job"),
            ConditionChecks.Evidence("required-check.unit-integration", EvidenceKind.UnitIntegration, evidence.Evidence, "required-check: Unit/Integration", "the automated test report (O1/O2/O3 + runtime)"),
            ConditionChecks.Evidence("required-check.smoke-runtime", EvidenceKind.SmokeRuntime, evidence.Evidence, "required-check: Smoke runtime", "the `npm run smoke:runtime` run with health/list/execute PASS"),
            ConditionChecks.Evidence("required-check.security-checks", EvidenceKind.SecurityChecks, evidence.Evidence, "required-check: Security checks", "the OWASP/authz/RLS checklist + dependency and secret scan"),
            .. ApprovalConditions.Evaluate("approval", [ApprovalRole.DevopsOnCall], evidence.Approvals, context, null, "aprovacao: devops on-call"),
            ConditionChecks.ImmutableArtifact(evidence),
            CompromisedCredentialCondition.Evaluate("staging", evidence, context.Credentials),
            VersionNamespaceCondition.Evaluate(evidence, context.History),
        ]);
    }
}
