using KoraInfra.Platform.Secrets.RedisKeys;

namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

/// <summary>A vault's versions of one secret, as Key Vault keeps them: each write a new version; tags per version.</summary>
public sealed class InMemoryVault : IVaultSecretStore
{
    private readonly List<(string Value, string Version, DateTimeOffset CreatedOn, Dictionary<string, string> Tags)> _versions = [];

    /// <summary>What the <c>up</c> does: a new version with the value.</summary>
    public void Write(string value, DateTimeOffset at) => _versions.Add((value, $"v{_versions.Count + 1}", at, new Dictionary<string, string>(StringComparer.Ordinal)));

    public string Current => _versions[^1].Value;

    public Task<VaultSecretVersion?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.Count == 0 ? null : new VaultSecretVersion(_versions[^1].Value, _versions[^1].Version, _versions[^1].CreatedOn, new Dictionary<string, string>(_versions[^1].Tags)));

    public Task TagAsync(string name, string version, string tag, string value, CancellationToken cancellationToken)
    {
        _versions.Single(v => v.Version == version).Tags[tag] = value;
        return Task.CompletedTask;
    }
}
