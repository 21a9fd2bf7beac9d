using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>The hashing of entries: one compact JSON form, hashed without its own <c>hash</c> field.</summary>
internal static class AuditChain
{
    private static readonly JsonSerializerOptions Compact = new(ReleaseJson.Options) { WriteIndented = false };

    /// <summary>The line written to the log for an entry (its hash filled in).</summary>
    public static string Seal(DeployAuditEntry entry)
    {
        var node = JsonSerializer.SerializeToNode(entry with { Hash = string.Empty }, Compact)!.AsObject();
        node.Remove("hash");
        var hash = HashOf(node);
        node["hash"] = hash;
        return node.ToJsonString(Compact);
    }

    /// <summary>The hash an entry's line should carry: SHA-256 of the line without its <c>hash</c> field.</summary>
    public static string HashOf(JsonObject lineWithoutHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lineWithoutHash.ToJsonString(Compact))));

    /// <summary>Reads an entry from a parsed line.</summary>
    public static DeployAuditEntry Read(JsonObject line) =>
        line.Deserialize<DeployAuditEntry>(Compact) ?? throw new JsonException("the line is 'null'");
}
