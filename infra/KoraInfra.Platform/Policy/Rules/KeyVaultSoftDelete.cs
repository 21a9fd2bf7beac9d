using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-011: Key Vaults keep deleted objects for 90 days.</summary>
public sealed class KeyVaultSoftDelete : ResourceRule
{
    /// <summary>The retention every vault keeps deleted objects for.</summary>
    public const int RetentionDays = 90;

    /// <inheritdoc />
    public override string Id => "KORA-011";

    /// <inheritdoc />
    public override string Title => "Key Vaults enable soft delete with 90-day retention";

    /// <inheritdoc />
    public override string Rationale => "A deleted secret must be recoverable long enough to notice the deletion and restore the services that used it.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_111", "CKV_AZURE_42"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.KeyVault };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Flag("properties.enableSoftDelete") == false)
        {
            yield return "properties.enableSoftDelete is false";
        }

        var days = resource.Number("properties.softDeleteRetentionInDays");
        if (days != RetentionDays)
        {
            yield return $"properties.softDeleteRetentionInDays is {(days is null ? "not set" : days.ToString())}; expected {RetentionDays}";
        }
    }
}
