using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>
/// The hashing and signing of entries: the platform's <see cref="HashChain"/> over one compact
/// JSON form, hashed without its own <c>hash</c> and <c>signature</c> fields; the hash is signed
/// with the release key in the DSSE pre-authentication encoding, so a signature can never be
/// replayed as a manifest's.
/// </summary>
internal static class AuditChain
{
    /// <summary>The payload type an entry's signature is bound to.</summary>
    public const string EntryPayloadType = "application/vnd.koraos.deploy-audit-entry.v1";

    private static readonly JsonSerializerOptions Compact = new(ReleaseJson.Options) { WriteIndented = false };

    /// <summary>The line written to the log for an entry (its hash and signature filled in).</summary>
    public static string Seal(DeployAuditEntry entry, ECDsa signingKey)
    {
        var node = JsonSerializer.SerializeToNode(entry with { Hash = string.Empty, Signature = string.Empty }, Compact)!.AsObject();
        node.Remove("hash");
        node.Remove("signature");
        var hash = HashChain.HashOf(node);
        node["hash"] = hash;
        node["signature"] = Sign(hash, signingKey);
        return node.ToJsonString(Compact);
    }

    /// <summary>The hash an entry's line should carry: SHA-256 of the line without its <c>hash</c> and <c>signature</c> fields.</summary>
    public static string HashOf(JsonObject line)
    {
        var copy = line.DeepClone().AsObject();
        copy.Remove("hash");
        copy.Remove("signature");
        return HashChain.HashOf(copy);
    }

    /// <summary>Whether <paramref name="signature"/> is the trusted key's signature of <paramref name="hash"/>.</summary>
    public static bool IsSignedBy(string hash, string signature, ECDsa trustedKey) =>
        Dsse.DecodeBase64(signature) is { Length: > 0 } sig
        && trustedKey.VerifyData(Dsse.Pae(EntryPayloadType, Encoding.UTF8.GetBytes(hash)), sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Reads an entry from a parsed line.</summary>
    public static DeployAuditEntry Read(JsonObject line) => HashChain.Read<DeployAuditEntry>(line);

    private static string Sign(string hash, ECDsa signingKey)
    {
        try
        {
            return Convert.ToBase64String(signingKey.SignData(Dsse.Pae(EntryPayloadType, Encoding.UTF8.GetBytes(hash)), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }
        catch (CryptographicException ex)
        {
            throw new ReleaseKeyException("the deploy audit log is appended only with the release signing key (a private key); the key given can only verify", ex);
        }
    }
}
