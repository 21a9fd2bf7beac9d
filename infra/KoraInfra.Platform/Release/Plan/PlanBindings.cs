using System.Security.Cryptography;
using System.Text;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Release.Plan;

/// <summary>
/// Signs and verifies plan bindings: a DSSE envelope with its own payload type, signed with the
/// release key (ECDSA P-256, as manifests), so a binding can never pass for a manifest or the
/// other way round.
/// </summary>
public static class PlanBindings
{
    /// <summary>The payload type of a plan binding.</summary>
    public const string PayloadType = "application/vnd.koraos.plan-binding.v1+json";

    /// <summary><c>sha256:&lt;hex&gt;</c> of a file's bytes.</summary>
    public static string Sha256Of(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The binding's signed envelope.</summary>
    public static string Sign(PlanBinding binding, ECDsa signingKey) =>
        ReleaseManifestSigner.SignPayload(PayloadType, Encoding.UTF8.GetBytes(ReleaseJson.Write(binding ?? throw new ArgumentNullException(nameof(binding)))), signingKey);

    /// <summary>
    /// Null when the envelope is a binding signed by the trusted key of exactly this stack,
    /// manifest and plan; otherwise why not.
    /// </summary>
    public static string? Refusal(string envelopeJson, ECDsa trustedKey, string stack, string manifestSha256, string planSha256)
    {
        ArgumentNullException.ThrowIfNull(trustedKey);
        DsseEnvelope envelope;
        try
        {
            envelope = ReleaseJson.Read<DsseEnvelope>(envelopeJson, "plan binding");
        }
        catch (ReleaseDocumentException ex)
        {
            return $"not a DSSE envelope: {ex.Message}";
        }

        var body = Dsse.DecodeBase64(envelope.Payload);
        if (body is null)
        {
            return "the binding's payload is not base64";
        }

        var pae = Dsse.Pae(envelope.PayloadType, body);
        if (!envelope.Signatures.Any(s => Dsse.DecodeBase64(s.Sig) is { } sig && trustedKey.VerifyData(pae, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)))
        {
            return "no signature verifies with the trusted release key: the binding was altered or signed with another key";
        }

        if (envelope.PayloadType != PayloadType)
        {
            return $"payload type '{envelope.PayloadType}'; expected '{PayloadType}'";
        }

        PlanBinding binding;
        try
        {
            binding = ReleaseJson.Read<PlanBinding>(Encoding.UTF8.GetString(body), "plan binding payload");
        }
        catch (ReleaseDocumentException ex)
        {
            return ex.Message;
        }

        var gaps = new List<string>();
        if (binding.Stack != stack)
        {
            gaps.Add($"it binds a plan of stack '{binding.Stack}', not '{stack}'");
        }

        if (binding.ManifestSha256 != manifestSha256)
        {
            gaps.Add($"it binds manifest {binding.ManifestSha256} ({binding.Release}), but the stack's release is {manifestSha256}");
        }

        if (binding.PlanSha256 != planSha256)
        {
            gaps.Add($"it binds plan {binding.PlanSha256}, but the plan file is {planSha256}: the plan was changed or replaced after it was bound");
        }

        return gaps.Count == 0 ? null : string.Join("; ", gaps);
    }
}
