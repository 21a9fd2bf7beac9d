using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Cli.Release;

/// <summary>Reads what a gate judges: the evidence file and, for prod, the approved RC's signed manifest.</summary>
internal static class GateInputs
{
    public static PromotionEvidence Evidence(string path) => ReleaseFiles.ReadDocument<PromotionEvidence>(path, "evidence file");

    /// <summary>Verifies the RC manifest for the prod gate; null when none was given (the gate then names it as missing).</summary>
    public static ManifestVerification? ApprovedRc(PromotionEvidence evidence, string? rcManifest, Func<System.Security.Cryptography.ECDsa> verificationKey)
    {
        if (rcManifest is null)
        {
            return null;
        }

        if (evidence.Gate != PromotionGate.DeployProd)
        {
            throw new UsageException($"--rc-manifest is only for the 'deploy-prod' gate; the evidence is for '{PromotionGates.NameOf(evidence.Gate)}'");
        }

        var envelope = ReleaseFiles.ReadText(rcManifest, "RC manifest");
        using var key = verificationKey();
        return ReleaseManifestVerifier.Verify(envelope, key, "staging");
    }
}
