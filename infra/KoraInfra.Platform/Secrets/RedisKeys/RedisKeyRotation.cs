namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>
/// The Redis access key's rotation as a deployment plans it: which key of the cache consumers hold
/// from this version on, and which one they held before (regenerated once the overlap is over).
/// </summary>
/// <param name="Cache">The Azure Cache for Redis.</param>
/// <param name="Vault">The vault holding <c>redis-access-key</c>.</param>
/// <param name="Version">What makes this rotation (the secret's window and emergency keepers): a new version is a switch of key.</param>
/// <param name="VersionStart">When this version began (its window's start, or the emergency request inside the window).</param>
/// <param name="Current">The key the vault and the consumers hold from this version on.</param>
public sealed record RedisKeyRotation(string Cache, string Vault, string Version, DateTimeOffset VersionStart, RedisKey Current)
{
    /// <summary>The key consumers held before: regenerated after the overlap, so its value stops working.</summary>
    public RedisKey Previous => Current.Other();

    /// <summary>The record's version: the secret's version and the key that carries it.</summary>
    public string RecordVersion => $"{Version};key={Current.Label()}";

    /// <summary>Where the value is applied: the vault and the cache's key.</summary>
    public string AppliedTo => $"{Vault} and {Cache} {Current.Label()} key";
}
