using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-014: every Key Vault secret expires within the seed's maximum rotation period.</summary>
public sealed class SecretExpiry : ResourceRule
{
    /// <summary>The seed's maximum rotation period ("rotacao periodica (max 90 dias)").</summary>
    public const int MaximumDays = 90;

    /// <inheritdoc />
    public override string Id => "KORA-014";

    /// <inheritdoc />
    public override string Title => "Key Vault secrets expire at most 90 days ahead";

    /// <inheritdoc />
    public override string Rationale => "The plan's rotation rule is at most 90 days; an expiry beyond it, or none, means a secret nobody is forced to rotate.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_41"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.KeyVaultSecret };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);

        // Key Vault keeps expiry as Unix seconds.
        var problem = Problem(resource.Number("properties.attributes.expires"), context.Now);
        return problem is null ? [] : [problem];
    }

    // A plain method, not an iterator with a pattern variable: mutation testing must be able to
    // change each comparison here and still compile (docs/testing.md).
    private static string? Problem(double? expires, DateTimeOffset now)
    {
        if (expires is null)
        {
            return "properties.attributes.expires is not set; every secret expires at the end of its rotation window";
        }

        var expiry = DateTimeOffset.FromUnixTimeSeconds((long)expires.Value);
        var limit = now.AddDays(MaximumDays);
        return expiry > limit ? $"expires {expiry:yyyy-MM-dd}, more than {MaximumDays} days after {now:yyyy-MM-dd}" : null;
    }
}
