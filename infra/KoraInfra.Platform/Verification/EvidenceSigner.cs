using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Verification;

/// <summary>Signs an evidence record with the release key, exactly as manifests are signed (DSSE, ECDSA P-256).</summary>
public static class EvidenceSigner
{
    /// <summary>The envelope's JSON; refuses a malformed record.</summary>
    public static string Sign(EvidenceRecord record, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = EvidenceRecordRules.Problems(record);
        if (problems.Count > 0)
        {
            throw new ReleaseDocumentException("the evidence record is malformed and was not signed: " + string.Join("; ", problems));
        }

        var body = Encoding.UTF8.GetBytes(ReleaseJson.Write(EvidenceStatement.For(record)));
        return ReleaseManifestSigner.SignPayload(Dsse.InTotoPayloadType, body, signingKey);
    }
}
