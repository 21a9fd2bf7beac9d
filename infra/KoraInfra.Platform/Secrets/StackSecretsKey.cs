namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The Key Vault key that encrypts a stack's Pulumi secrets (the stack file's
/// <c>secretsprovider</c>). It lives in the environment's own vault, so a stack can decrypt only
/// its own configuration.
/// </summary>
public static class StackSecretsKey
{
    /// <summary>The key's name in every environment's vault.</summary>
    public const string Name = "pulumi-stack-secrets";

    /// <summary>The secrets provider URL of a vault: <c>azurekeyvault://kv-kora-prod-brs.vault.azure.net/keys/pulumi-stack-secrets</c>.</summary>
    public static string ProviderUrl(string vaultName) => $"azurekeyvault://{vaultName}.vault.azure.net/keys/{Name}";
}
