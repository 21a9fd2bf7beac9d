using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;

namespace KoraInfra.Cli.Commands.Rotation;

/// <summary>Where the Redis rotation reaches the cache and the vault: Azure, or a test's own.</summary>
public interface IAzureRotationClients
{
    /// <summary>The cache's key operations.</summary>
    IRedisKeyService Cache(string subscription, string resourceGroup, string cache);

    /// <summary>The vault's secrets.</summary>
    IVaultSecretStore Vault(Uri vault);
}

/// <summary>The real ones: Azure Resource Manager and Key Vault with the caller's Entra identity.</summary>
public sealed class AzureRotationClients : IAzureRotationClients
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(100) };
    private static readonly Lazy<DefaultAzureCredential> Credential = new(() => new DefaultAzureCredential());

    /// <summary>The one instance.</summary>
    public static AzureRotationClients Live { get; } = new();

    /// <inheritdoc />
    public IRedisKeyService Cache(string subscription, string resourceGroup, string cache) => new ArmRedisKeyService(Http, Credential.Value, subscription, resourceGroup, cache);

    /// <inheritdoc />
    public IVaultSecretStore Vault(Uri vault) => new KeyVaultSecretStore(new SecretClient(vault, Credential.Value));
}
