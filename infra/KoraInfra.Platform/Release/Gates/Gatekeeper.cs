using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>Runs the gate the evidence names, and turns admitted evidence into a manifest.</summary>
public static class Gatekeeper
{
    /// <summary>Judges the evidence with its gate, in its context; <paramref name="approvedRc"/> matters to the prod gate only.</summary>
    public static GateReport Evaluate(PromotionEvidence evidence, ManifestVerification? approvedRc, GateContext context)
    {
        var report = (evidence ?? throw new ArgumentNullException(nameof(evidence))).Gate switch
        {
            PromotionGate.DeployStaging => StagingDeployGate.Evaluate(evidence, context),
            PromotionGate.PromoteRc => RcPromotionGate.Evaluate(evidence, context),
            PromotionGate.DeployProd => ProdDeployGate.Evaluate(evidence, approvedRc, context),
            _ => throw new ArgumentOutOfRangeException(nameof(evidence), evidence.Gate, "unknown gate"),
        };

        // Offered SBOMs are signed into the manifest only as the release store holds them, intact.
        return evidence.Sboms is { Count: > 0 } sboms
            ? report with { Conditions = [.. report.Conditions, SbomEvidence.Condition(sboms, evidence.Images, context.ReadReleaseStore)] }
            : report;
    }

    /// <summary>The manifest for evidence its gate admitted; refuses evidence that did not pass.</summary>
    public static ReleaseManifest ManifestFor(PromotionEvidence evidence, GateReport report, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Passed || report.Gate != evidence.Gate)
        {
            throw new InvalidOperationException("a manifest is issued only for evidence its own gate admitted");
        }

        return new ReleaseManifest
        {
            Stack = PromotionGates.TargetStack(evidence.Gate),
            Gate = evidence.Gate,
            Version = evidence.Version,
            SourceRc = evidence.SourceRc,
            Commit = evidence.Commit,
            Images = evidence.Images,
            Approvals = evidence.Approvals,
            Scorecard = evidence.Scorecard,
            RtmP0 = evidence.RtmP0,
            Evidence = evidence.Evidence,
            OpenCriticalFindings = evidence.OpenCriticalFindings,
            PlanHash = evidence.PlanHash,
            Sboms = evidence.Sboms,
            IssuedAt = issuedAt,
        };
    }
}
