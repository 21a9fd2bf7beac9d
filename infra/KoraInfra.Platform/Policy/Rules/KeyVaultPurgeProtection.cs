using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-012: Key Vaults of environments that demand it enable purge protection.</summary>
public sealed class KeyVaultPurgeProtection : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-012";

    /// <inheritdoc />
    public override string Title => "Key Vaults enable purge protection (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "Without purge protection an insider or a compromised pipeline can destroy every secret beyond recovery.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_110", "CKV_AZURE_42"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.KeyVault };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(environment.SecretScope.PurgeProtection, EnforcementLevel.Advisory);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Flag("properties.enablePurgeProtection") != true)
        {
            yield return "properties.enablePurgeProtection is not true";
        }
    }
}
