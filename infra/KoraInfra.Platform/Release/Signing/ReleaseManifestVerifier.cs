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
        var (body, refusal) = DsseVerifier.SignedBody(envelopeJson, trustedKey, "manifest", Dsse.InTotoPayloadType);
        if (body is null)
        {
            return ManifestVerification.Refused(refusal!);
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
