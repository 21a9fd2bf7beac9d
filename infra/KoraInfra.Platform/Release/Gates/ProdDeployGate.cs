using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// "Deploy prod" (seed 4.2): "tag GA a partir de RC aprovada", "po + pm + devops + qa (go/no-go
/// formal)", "proibido deploy direto de branch; apenas promocao de artefato ja validado"; plus
/// "credencial comprometida bloqueia promocao de release ate substituicao comprovada" (seed 5) and
/// a restore drill within its RPO/RTO (risk R-DO-003).
/// </summary>
public static class ProdDeployGate
{
    /// <summary>The go/no-go roles.</summary>
    public static IReadOnlyList<ApprovalRole> GoNoGo { get; } = [ApprovalRole.Po, ApprovalRole.Pm, ApprovalRole.Devops, ApprovalRole.Qa];

    /// <summary>
    /// Judges the evidence against the approved RC's signed manifest, already verified against
    /// the release key and the staging stack (null when the pipeline could not produce one), in
    /// its context: the verified history, the promoter, the clock and the secrets capability's
    /// record of pending compromised credentials for prod.
    /// </summary>
    public static GateReport Evaluate(PromotionEvidence evidence, ManifestVerification? approvedRc, GateContext context)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(context);
        var rc = approvedRc?.Manifest;
        var admitted = LatestStableRcCondition.Find(evidence, context.History);
        var baseline = admitted is null ? null : new ApprovalBaseline(admitted.At, $"RC {admitted.Release} was admitted (audit entry {admitted.Sequence})");
        List<GateCondition> conditions =
        [
            ConditionChecks.Tag("ga-tag", "tag GA; proibido deploy direto de branch", evidence, candidate: false),
            FromApprovedRc(evidence, approvedRc),
        ];
        conditions.AddRange(ApprovalConditions.Evaluate("go-no-go", GoNoGo, evidence.Approvals, context, baseline, "po + pm + devops + qa (go/no-go formal)"));
        conditions.Add(ValidatedArtifact(evidence, rc));
        conditions.Add(CompromisedCredentialCondition.Evaluate("prod", evidence, context.Credentials));
        var staged = RanInStagingCondition.Find(evidence, context.History);
        var binding = new EvidenceBinding("staging", evidence.Commit, evidence.SourceRc, evidence.Images, staged?.At);
        conditions.Add(VerifiedRecordCondition.Evaluate("restore-drill-within-rpo-rto", "restore drill dentro de RPO/RTO", VerificationKind.RestoreDrill, context.Records, binding, RestoreDrillJudgement.Problems));

        // A finding opened after the RC was approved blocks go/no-go as well ("sem finding critico aberto").
        conditions.Add(ConditionChecks.NoOpenCriticalFinding(evidence.OpenCriticalFindings));
        conditions.Add(LatestStableRcCondition.Evaluate(evidence, approvedRc, context.History));
        conditions.Add(VersionNamespaceCondition.Evaluate(evidence, context.History));
        return new GateReport(PromotionGate.DeployProd, conditions);
    }

    private static GateCondition FromApprovedRc(PromotionEvidence evidence, ManifestVerification? approvedRc)
    {
        const string Requirement = "a partir de RC aprovada (qa + architect + devops, scorecard RC, RTM P0 completa, sem finding critico)";
        string? missing = null;
        if (evidence.SourceRc is not { IsReleaseCandidate: true } source)
        {
            missing = "the RC this GA release promotes (sourceRc 'vX.Y.Z-rc.N')";
        }
        else if (evidence.Version is { } ga && !source.SameReleaseAs(ga))
        {
            missing = $"an RC of {ga}: '{source}' is a candidate for another release";
        }
        else if (approvedRc is null)
        {
            missing = $"the signed manifest of the approved RC {source}";
        }
        else if (approvedRc.Manifest is not { } rc)
        {
            missing = $"a valid signed manifest of RC {source}: {approvedRc.Refusal}";
        }
        else if (rc.Gate != PromotionGate.PromoteRc || rc.Version != source)
        {
            missing = $"the manifest of RC {source} admitted by 'promote-rc'; found {rc.Label} admitted by '{PromotionGates.NameOf(rc.Gate)}'";
        }
        else
        {
            var gaps = RcPromotionGate.RequiredApprovals.Where(r => rc.Approvals.All(a => a.Role != r)).Select(r => $"approval '{ConditionChecks.RoleNames[r]}'").ToList();
            if (rc.Scorecard is not { Passed: true })
            {
                gaps.Add("a passing RC scorecard");
            }

            if (rc.RtmP0 is not { Complete: true })
            {
                gaps.Add("a complete RTM P0");
            }

            if (rc.OpenCriticalFindings.Count > 0)
            {
                gaps.Add("no open critical finding (" + string.Join(", ", rc.OpenCriticalFindings) + ")");
            }

            missing = gaps.Count == 0 ? null : $"RC {source} is not approved: it lacks " + string.Join(", ", gaps);
        }

        return new GateCondition("from-approved-rc", Requirement, missing is null, missing);
    }

    private static GateCondition ValidatedArtifact(PromotionEvidence evidence, ReleaseManifest? rc)
    {
        const string Requirement = "apenas promocao de artefato ja validado (mesmo commit, mesmas imagens por digest; sem rebuild)";
        var gaps = new List<string>();
        if (rc is null)
        {
            gaps.Add("the approved RC's manifest to compare the artifact with");
        }
        else
        {
            if (evidence.Commit != rc.Commit)
            {
                gaps.Add($"commit {evidence.Commit} is not the RC's {rc.Commit}");
            }

            var approved = rc.Images.ToDictionary(i => i.Name, i => i.Digest, StringComparer.Ordinal);
            foreach (var image in evidence.Images)
            {
                if (!approved.TryGetValue(image.Name, out var digest))
                {
                    gaps.Add($"image '{image.Name}' was not validated in the RC");
                }
                else if (digest != image.Digest)
                {
                    gaps.Add($"image '{image.Name}' has digest {image.Digest}, not the validated {digest} (a rebuilt artifact)");
                }
            }

            gaps.AddRange(rc.Images.Where(i => evidence.Images.All(e => e.Name != i.Name)).Select(i => $"image '{i.Name}' of the RC is not deployed"));
        }

        return new GateCondition("validated-artifact", Requirement, gaps.Count == 0, gaps.Count == 0 ? null : string.Join("; ", gaps));
    }
}
