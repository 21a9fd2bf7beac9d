using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Signing;

/// <summary>
/// Verifies a signed manifest in the order the DSSE protocol prescribes (signature over the PAE,
/// then payload type, then parsing), then checks the statement describes a well-formed manifest
/// for the expected stack. Any doubt is a refusal.
/// </summary>
public static class ReleaseManifestVerifier
{
    /// <summary>Verifies an envelope's JSON against the trusted public key and the stack about to be deployed.</summary>
    public static ManifestVerification Verify(string envelopeJson, ECDsa trustedKey, string expectedStack)
    {
        ArgumentNullException.ThrowIfNull(trustedKey);
        DsseEnvelope envelope;
        try
        {
            envelope = ReleaseJson.Read<DsseEnvelope>(envelopeJson, "signed manifest");
        }
        catch (ReleaseDocumentException ex)
        {
            return ManifestVerification.Refused($"not a DSSE envelope: {ex.Message}");
        }

        var body = Dsse.DecodeBase64(envelope.Payload);
        if (body is null)
        {
            return ManifestVerification.Refused("the envelope's payload is not base64");
        }

        var pae = Dsse.Pae(envelope.PayloadType, body);
        var signed = envelope.Signatures.Any(s => Dsse.DecodeBase64(s.Sig) is { } sig
            && trustedKey.VerifyData(pae, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        if (!signed)
        {
            return ManifestVerification.Refused(
                $"no signature verifies with the trusted release key (key id {ReleaseSigningKey.KeyId(trustedKey)[..16]}…): the manifest was altered after signing, or signed with another key");
        }

        if (envelope.PayloadType != Dsse.InTotoPayloadType)
        {
            return ManifestVerification.Refused($"payload type '{envelope.PayloadType}'; expected '{Dsse.InTotoPayloadType}'");
        }

        InTotoStatement statement;
        try
        {
            statement = ReleaseJson.Read<InTotoStatement>(Encoding.UTF8.GetString(body), "in-toto statement");
        }
        catch (ReleaseDocumentException ex)
        {
            return ManifestVerification.Refused(ex.Message);
        }

        if (statement.Type != InTotoStatement.StatementType || statement.PredicateType != InTotoStatement.ManifestPredicateType)
        {
            return ManifestVerification.Refused($"statement '{statement.Type}' with predicate '{statement.PredicateType}'; expected '{InTotoStatement.StatementType}' with predicate '{InTotoStatement.ManifestPredicateType}'");
        }

        var manifest = statement.Predicate;
        var expectedSubjects = InTotoStatement.For(manifest).Subject.Select(Describe).Order(StringComparer.Ordinal);
        if (!expectedSubjects.SequenceEqual(statement.Subject.Select(Describe).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return ManifestVerification.Refused("the statement's subjects differ from the manifest's images");
        }

        var problems = ReleaseManifestRules.Problems(manifest);
        if (problems.Count > 0)
        {
            return ManifestVerification.Refused("malformed manifest: " + string.Join("; ", problems));
        }

        return manifest.Stack == expectedStack
            ? ManifestVerification.Accepted(manifest) with { EnvelopeSha256 = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(envelopeJson))) }
            : ManifestVerification.Refused($"the manifest ({manifest.Label}) is for stack '{manifest.Stack}', not '{expectedStack}'");
    }

    private static string Describe(InTotoSubject subject) =>
        subject.Name + "@" + string.Join(",", subject.Digest.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}:{d.Value}"));
}
