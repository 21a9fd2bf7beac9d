namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>The vault's current version of one secret: the value (in memory only), its id, when it was written, its tags.</summary>
/// <param name="Value">The value.</param>
/// <param name="Version">The vault's version id.</param>
/// <param name="CreatedOn">When this version was written.</param>
/// <param name="Tags">The version's tags.</param>
public sealed record VaultSecretVersion(string Value, string Version, DateTimeOffset CreatedOn, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Never the value.</summary>
    public override string ToString() => $"VaultSecretVersion {{ Version = {Version}, CreatedOn = {CreatedOn:O}, value redacted }}";
}

/// <summary>The vault operations the Redis rotation needs: read the current version, tag it.</summary>
public interface IVaultSecretStore
{
    /// <summary>The current version of <paramref name="name"/>, or null when the vault has no such secret.</summary>
    Task<VaultSecretVersion?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Sets one tag on a version, keeping its other tags and its value.</summary>
    Task TagAsync(string name, string version, string tag, string value, CancellationToken cancellationToken);
}
