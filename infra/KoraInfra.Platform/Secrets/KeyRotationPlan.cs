using System.Globalization;

namespace KoraInfra.Platform.Secrets;

/// <summary>What Key Vault does at a point of a key's life.</summary>
public enum KeyLifetimeAction
{
    /// <summary>Create a new key version.</summary>
    Rotate,

    /// <summary>Raise a near-expiry event (Event Grid) for the owners.</summary>
    Notify,
}

/// <summary>A Key Vault key and its rotation policy.</summary>
/// <param name="Name">The key name.</param>
/// <param name="HsmProtected">Whether the key lives in an HSM (<c>RSA-HSM</c>); needs the Premium vault.</param>
/// <param name="KeySize">RSA modulus size.</param>
/// <param name="Operations">The only operations the key allows.</param>
/// <param name="ExpiresAfterDays">Lifetime of each key version (the policy's <c>expiryTime</c>).</param>
/// <param name="Action">What Key Vault does before expiry.</param>
/// <param name="ActionDaysBeforeExpiry">When, before expiry, it does it.</param>
/// <param name="Reason">Why this action and not another.</param>
public sealed record KeyRotationPlan(
    string Name,
    bool HsmProtected,
    int KeySize,
    IReadOnlyList<string> Operations,
    int ExpiresAfterDays,
    KeyLifetimeAction Action,
    int ActionDaysBeforeExpiry,
    string Reason)
{
    /// <summary>The JSON Web Key type.</summary>
    public string KeyType => HsmProtected ? "RSA-HSM" : "RSA";

    /// <summary>The policy's <c>expiryTime</c> as an ISO 8601 duration (<c>P90D</c>).</summary>
    public string ExpiryTime => Duration(ExpiresAfterDays);

    /// <summary>The trigger's <c>timeBeforeExpiry</c> as an ISO 8601 duration (<c>P30D</c>).</summary>
    public string TimeBeforeExpiry => Duration(ActionDaysBeforeExpiry);

    /// <summary>
    /// The stack secrets key. Pulumi wraps the stack's data key once, with the key version the
    /// provider URL names (the latest, when it names none); a silently rotated key could no longer
    /// unwrap it and the stack would stop decrypting. So Key Vault notifies 30 days before the
    /// 90-day expiry, and DevOps rotates with <c>pulumi stack change-secrets-provider</c>, which
    /// re-wraps the data key under the new version.
    /// </summary>
    public static KeyRotationPlan StackSecrets(VaultPlan vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        return new KeyRotationPlan(
            StackSecretsKey.Name,
            HsmProtected: vault.Sku == VaultSku.Premium,
            KeySize: 3072,
            // Pulumi's azurekeyvault provider encrypts and decrypts the stack's data key; nothing else.
            Operations: ["encrypt", "decrypt"],
            ExpiresAfterDays: SecretCatalogue.MaximumRotationDays,
            Action: KeyLifetimeAction.Notify,
            ActionDaysBeforeExpiry: 30,
            Reason: "the stack's data key is wrapped with one key version; rotation re-wraps it (pulumi stack change-secrets-provider), so Key Vault notifies instead of rotating behind Pulumi's back");
    }

    private static string Duration(int days) => string.Create(CultureInfo.InvariantCulture, $"P{days}D");
}
