using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>
/// The chain every audit log of the platform uses (the deploy audit log, the responder's action
/// log): each entry is one compact JSON object whose <c>hash</c> is the SHA-256 of the object
/// without that field, and which names the previous entry's hash, so an edit, a deletion or a
/// reordering breaks every later link.
/// </summary>
public static class HashChain
{
    private static readonly JsonSerializerOptions Compact = new(ReleaseJson.Options) { WriteIndented = false };

    /// <summary>The hash that precedes the first entry.</summary>
    public static string Genesis => AuditHead.Genesis;

    /// <summary>The compact JSON line of an entry with its <c>hash</c> field filled in, and that hash.</summary>
    public static (string Line, string Hash) Seal<T>(T entry)
    {
        var node = JsonSerializer.SerializeToNode(entry, Compact)!.AsObject();
        node.Remove("hash");
        var hash = HashOf(node);
        node["hash"] = hash;
        return (node.ToJsonString(Compact), hash);
    }

    /// <summary>The hash a line should carry: SHA-256 (hex) of the line without its <c>hash</c> field.</summary>
    public static string HashOf(JsonObject lineWithoutHash)
    {
        ArgumentNullException.ThrowIfNull(lineWithoutHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lineWithoutHash.ToJsonString(Compact))));
    }

    /// <summary>Reads an entry from a parsed line.</summary>
    public static T Read<T>(JsonObject line) =>
        line.Deserialize<T>(Compact) ?? throw new JsonException("the line is 'null'");
}
