namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>
/// The two access keys of an Azure Cache for Redis. Either one authenticates; consumers hold one
/// at a time, so the other can be regenerated under nobody's feet.
/// </summary>
public enum RedisKey
{
    /// <summary>The primary key.</summary>
    Primary,

    /// <summary>The secondary key.</summary>
    Secondary,
}

/// <summary>Names of a key as Azure and people spell them.</summary>
public static class RedisKeys
{
    /// <summary>The other key of the pair.</summary>
    public static RedisKey Other(this RedisKey key) => key == RedisKey.Primary ? RedisKey.Secondary : RedisKey.Primary;

    /// <summary>The <c>keyType</c> of the cache's <c>regenerateKey</c> operation: <c>Primary</c> or <c>Secondary</c>.</summary>
    public static string KeyType(this RedisKey key) => key == RedisKey.Primary ? "Primary" : "Secondary";

    /// <summary>The value of this key among the cache's two (as <c>listKeys</c> answers them).</summary>
    public static string Of(this RedisKey key, string primaryKey, string secondaryKey) => key == RedisKey.Primary ? primaryKey : secondaryKey;

    /// <summary>The key in lower case, as the docs and records spell it.</summary>
    public static string Label(this RedisKey key) => key == RedisKey.Primary ? "primary" : "secondary";
}
