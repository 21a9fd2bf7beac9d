namespace KoraInfra.Platform.Secrets;

/// <summary>
/// An Azure built-in Key Vault data-plane role (learn.microsoft.com: "Azure built-in roles for
/// Security"). Ids are the same in every tenant.
/// </summary>
/// <param name="Name">The role's display name.</param>
/// <param name="DefinitionId">The built-in role definition id.</param>
public sealed record KeyVaultRole(string Name, Guid DefinitionId)
{
    /// <summary>Reads secret contents; nothing else. The only role a workload gets.</summary>
    public static KeyVaultRole SecretsUser { get; } = new("Key Vault Secrets User", Guid.Parse("4633458b-17de-408a-b874-0445c86b69e6"));

    /// <summary>Every data-plane action on keys, secrets and certificates, without granting access to others.</summary>
    public static KeyVaultRole Administrator { get; } = new("Key Vault Administrator", Guid.Parse("00482a5a-887f-4fb3-b363-3b7fe8e74483"));

    /// <summary>Every action on secrets (set, rotate, delete), nothing on keys.</summary>
    public static KeyVaultRole SecretsOfficer { get; } = new("Key Vault Secrets Officer", Guid.Parse("b86a8fe4-44ce-4948-aee5-eccb2c155cd7"));

    /// <summary>The full role definition id for a subscription, as role assignments take it.</summary>
    public string DefinitionResourceId(string subscriptionId) =>
        $"/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{DefinitionId:D}";
}
