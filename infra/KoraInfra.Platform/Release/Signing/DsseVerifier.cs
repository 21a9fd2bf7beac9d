using System.Security.Cryptography;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>
/// The signature step every signed release document shares (manifests, evidence records): parse
/// the envelope, check a signature over the PAE with the trusted key, and only then look at the
/// payload type. What the payload means is each document's own verifier's business.
/// </summary>
public static class DsseVerifier
{
    /// <summary>The signed body, or why the envelope is refused.</summary>
    public static (byte[]? Body, string? Refusal) SignedBody(string envelopeJson, ECDsa trustedKey, string what, string expectedPayloadType)
    {
        ArgumentNullException.ThrowIfNull(trustedKey);
        DsseEnvelope envelope;
        try
        {
            envelope = Manifest.ReleaseJson.Read<DsseEnvelope>(envelopeJson, what);
        }
        catch (Manifest.ReleaseDocumentException ex)
        {
            return (null, $"not a DSSE envelope: {ex.Message}");
        }

        var body = Dsse.DecodeBase64(envelope.Payload);
        if (body is null)
        {
            return (null, "the envelope's payload is not base64");
        }

        var pae = Dsse.Pae(envelope.PayloadType, body);
        var signed = envelope.Signatures.Any(s => Dsse.DecodeBase64(s.Sig) is { } sig
            && trustedKey.VerifyData(pae, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        if (!signed)
        {
            var unsigned = envelope.Signatures.Count == 0 ? "; the envelope carries no signature at all (unsigned)" : string.Empty;
            return (null, $"no signature verifies with the trusted release key (key id {ReleaseSigningKey.KeyId(trustedKey)[..16]}…): the {what} was altered after signing, or signed with another key{unsigned}");
        }

        return envelope.PayloadType != expectedPayloadType
            ? (null, $"payload type '{envelope.PayloadType}'; expected '{expectedPayloadType}'")
            : (body, null);
    }
}
