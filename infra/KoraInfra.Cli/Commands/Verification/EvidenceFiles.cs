using System.Security.Cryptography;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Verification;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>Reads evidence records for a gate: a directory given on the command line, or the release store's folder of the RC.</summary>
internal static class EvidenceFiles
{
    /// <summary>
    /// The records offered for the promotion: from <paramref name="directory"/> when given (it must
    /// exist), else from the store layout's folder of the RC the promotion names. None for a
    /// staging deploy, whose gate asks for no record.
    /// </summary>
    public static VerificationRecords Offered(string? directory, PromotionEvidence evidence, string projectDir, Func<ECDsa> key)
    {
        var rc = evidence.Gate switch
        {
            PromotionGate.PromoteRc => evidence.Version,
            PromotionGate.DeployProd => evidence.SourceRc,
            _ => null,
        };
        string where;
        if (directory is not null)
        {
            where = directory;
            if (!Directory.Exists(directory))
            {
                throw new UsageException($"--records '{directory}' is not a directory; expected the folder holding the signed evidence records (*.dsse.json), e.g. {EvidenceStoreLayout.Folder(rc ?? ReleaseVersion.TryParse("v1.4.0-rc.1")!)}");
            }
        }
        else if (rc is { IsReleaseCandidate: true } && evidence.Gate != PromotionGate.DeployStaging)
        {
            where = ReleaseFiles.Full(projectDir, EvidenceStoreLayout.Folder(rc));
            if (!Directory.Exists(where))
            {
                return new VerificationRecords(EvidenceStoreLayout.Folder(rc), []);
            }
        }
        else
        {
            return VerificationRecords.None;
        }

        var files = Directory.GetFiles(where, "*.dsse.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return new VerificationRecords(where, []);
        }

        using var trusted = key();
        return new VerificationRecords(where, files.Select(f => EvidenceVerifier.Verify(Path.GetFileName(f), File.ReadAllText(f), trusted)).ToList());
    }
}
