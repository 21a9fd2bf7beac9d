using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-010: Key Vaults authorize with Azure RBAC, never access policies.</summary>
public sealed class KeyVaultRbacAuthorization : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-010";

    /// <inheritdoc />
    public override string Title => "Key Vaults use RBAC authorization and no access policies";

    /// <inheritdoc />
    public override string Rationale => "Role assignments are scoped, audited and reviewable per identity; access policies are vault-wide and bypass role governance.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.KeyVault };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Flag("properties.enableRbacAuthorization") != true)
        {
            yield return "properties.enableRbacAuthorization is not true";
        }

        if (Json.Count(resource.Property("properties.accessPolicies")) > 0)
        {
            yield return "the vault has access policies; grant roles instead";
        }
    }
}
