using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>The hashing of deploy audit entries: the platform's <see cref="HashChain"/>.</summary>
internal static class AuditChain
{
    /// <summary>The line written to the log for an entry (its hash filled in).</summary>
    public static string Seal(DeployAuditEntry entry) => HashChain.Seal(entry with { Hash = string.Empty }).Line;

    /// <summary>The hash an entry's line should carry: SHA-256 of the line without its <c>hash</c> field.</summary>
    public static string HashOf(JsonObject lineWithoutHash) => HashChain.HashOf(lineWithoutHash);

    /// <summary>Reads an entry from a parsed line.</summary>
    public static DeployAuditEntry Read(JsonObject line) => HashChain.Read<DeployAuditEntry>(line);
}
