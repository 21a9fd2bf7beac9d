using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>Signs a release manifest: a DSSE envelope over an in-toto statement, ECDSA P-256 with SHA-256.</summary>
public static class ReleaseManifestSigner
{
    /// <summary>Returns the envelope's JSON. Refuses a malformed manifest: nothing unfit is ever signed.</summary>
    public static string Sign(ReleaseManifest manifest, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(signingKey);
        var problems = ReleaseManifestRules.Problems(manifest);
        if (problems.Count > 0)
        {
            throw new ReleaseDocumentException("the manifest is malformed and was not signed: " + string.Join("; ", problems));
        }

        var body = Encoding.UTF8.GetBytes(ReleaseJson.Write(InTotoStatement.For(manifest)));
        return SignPayload(Dsse.InTotoPayloadType, body, signingKey);
    }

    /// <summary>Signs any payload as a DSSE envelope (IEEE P1363 r||s signature, as the spec's test vector).</summary>
    public static string SignPayload(string payloadType, byte[] body, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        var signature = signingKey.SignData(Dsse.Pae(payloadType, body), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var envelope = new DsseEnvelope(payloadType, Convert.ToBase64String(body), [new DsseSignature { Keyid = ReleaseSigningKey.KeyId(signingKey), Sig = Convert.ToBase64String(signature) }]);
        return ReleaseJson.Write(envelope);
    }
}
