using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;

namespace KoraInfra.Platform.Secrets;

/// <summary>Key Vault pricing tier.</summary>
public enum VaultSku
{
    /// <summary>Software-protected keys.</summary>
    Standard,

    /// <summary>HSM-protected keys.</summary>
    Premium,
}

/// <summary>What traffic the vault's firewall lets through when no rule matches.</summary>
public enum NetworkDefaultAction
{
    /// <summary>Every network may reach the data plane (identity is still required).</summary>
    Allow,

    /// <summary>Only private endpoints and trusted Azure services reach the data plane.</summary>
    Deny,
}

/// <summary>The environment's Key Vault, fully hardened (seed section 5: "vault/secret manager por ambiente").</summary>
/// <param name="Name">The vault name (a global DNS label).</param>
/// <param name="Sku">Pricing tier.</param>
/// <param name="RbacAuthorization">Azure RBAC instead of access policies: every grant is a role assignment the audit log and the tests can see.</param>
/// <param name="SoftDeleteRetentionDays">How long a deleted vault or secret can be recovered.</param>
/// <param name="PurgeProtection">Whether a deleted vault or secret cannot be purged before its retention ends.</param>
/// <param name="PublicNetworkAccess">Whether the data plane accepts traffic from public networks.</param>
/// <param name="DefaultAction">The firewall's default.</param>
/// <param name="AuditLogCategories">Diagnostic log categories sent to the environment's Log Analytics workspace.</param>
/// <param name="DiagnosticSettingName">The diagnostic setting's name.</param>
public sealed record VaultPlan(
    string Name,
    VaultSku Sku,
    bool RbacAuthorization,
    int SoftDeleteRetentionDays,
    bool PurgeProtection,
    bool PublicNetworkAccess,
    NetworkDefaultAction DefaultAction,
    IReadOnlyList<string> AuditLogCategories,
    string DiagnosticSettingName)
{
    /// <summary>Azure's longest soft-delete retention; a compromised-then-deleted secret stays recoverable for the investigation.</summary>
    public const int MaximumSoftDeleteRetentionDays = 90;

    /// <summary>Soft delete is on in every environment (Azure no longer allows it off).</summary>
    public bool SoftDelete { get; init; } = true;

    /// <summary>
    /// Trusted Azure services pass the firewall: the Azure Resource Manager provider writes the
    /// program's secrets, and it is still held to RBAC.
    /// </summary>
    public bool BypassAzureServices { get; init; } = true;

    /// <summary>
    /// The value to send as <c>enablePurgeProtection</c>: Azure rejects an explicit <c>false</c>
    /// (purge protection is irreversible), so "off" is "not set".
    /// </summary>
    public bool? PurgeProtectionInput => PurgeProtection ? true : null;

    /// <summary>The <c>publicNetworkAccess</c> value Azure expects.</summary>
    public string PublicNetworkAccessValue => PublicNetworkAccess ? "Enabled" : "Disabled";

    /// <summary>The vault's data-plane address.</summary>
    public string Uri => $"https://{Name}.vault.azure.net/";

    /// <summary>Decides the vault of an environment.</summary>
    public static VaultPlan For(EnvironmentProfile profile, ResourceNamer names)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(names);
        return new VaultPlan(
            Name: names.Name(ResourceKind.KeyVault),

            // Real tenant data: the key that guards the stack's own secrets lives in an HSM.
            Sku: profile.DataClassification == DataClassification.Confidential ? VaultSku.Premium : VaultSku.Standard,
            RbacAuthorization: true,
            SoftDeleteRetentionDays: MaximumSoftDeleteRetentionDays,
            PurgeProtection: profile.SecretScope.PurgeProtection,
            PublicNetworkAccess: profile.AllowsPublicNetworkAccess,
            DefaultAction: profile.AllowsPublicNetworkAccess ? NetworkDefaultAction.Allow : NetworkDefaultAction.Deny,

            // AuditEvent is every data-plane call: who read, wrote or rotated which secret, when.
            // It is the seed's "trilha de uso/rotacao obrigatoria".
            AuditLogCategories: ["AuditEvent"],
            DiagnosticSettingName: "audit-to-log-analytics");
    }
}
