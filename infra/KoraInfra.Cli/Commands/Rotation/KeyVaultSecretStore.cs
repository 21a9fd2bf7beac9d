using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;

namespace KoraInfra.Cli.Commands.Rotation;

/// <summary>
/// The vault's data plane (Azure.Security.KeyVault.Secrets): reads the current version of a secret
/// and tags it. The value stays in memory; the runner's identity reads and tags as a member of the
/// DevOps group (Key Vault Administrator).
/// </summary>
internal sealed class KeyVaultSecretStore(SecretClient client) : IVaultSecretStore
{
    public async Task<VaultSecretVersion?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = (await client.GetSecretAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new VaultSecretVersion(secret.Value, secret.Properties.Version, secret.Properties.CreatedOn ?? DateTimeOffset.MinValue, new Dictionary<string, string>(secret.Properties.Tags, StringComparer.Ordinal));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException or AggregateException)
        {
            throw Unavailable("read", name, ex);
        }
    }

    public async Task TagAsync(string name, string version, string tag, string value, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await client.GetSecretAsync(name, version, cancellationToken).ConfigureAwait(false)).Value.Properties;
            properties.Tags[tag] = value;
            await client.UpdateSecretPropertiesAsync(properties, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException or AggregateException)
        {
            throw Unavailable("tag", name, ex);
        }
    }

    private DependencyUnavailableException Unavailable(string what, string name, Exception ex) => ex switch
    {
        RequestFailedException { Status: 0 } => new($"the vault {client.VaultUri} is unreachable ({ex.Message.Split('\n')[0]}); could not {what} {name}", ex),
        RequestFailedException failed => new($"the vault {client.VaultUri} refused to {what} {name} ({failed.Status}: {failed.ErrorCode}); the runner's identity needs a data-plane role on it (the DevOps group's Key Vault Administrator)", ex),
        AuthenticationFailedException => new($"no Entra token for the vault {client.VaultUri} ({ex.Message.Split('\n')[0]}); sign in with 'az login' or run in the pipeline with its federated identity", ex),
        _ => new($"the vault {client.VaultUri} is unreachable ({ex.Message.Split('\n')[0]}); could not {what} {name}", ex),
    };
}
