using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-013: Key Vaults of non-public environments refuse public network traffic.</summary>
public sealed class KeyVaultPrivateNetwork : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-013";

    /// <inheritdoc />
    public override string Title => "Key Vaults disable public network access or deny it by default (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "A vault reachable from the internet is one leaked token away from every secret of the environment.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_189", "CKV_AZURE_109"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.KeyVault };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => Levels.PrivateNetwork(environment);

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var disabled = string.Equals(resource.Text("properties.publicNetworkAccess"), "Disabled", StringComparison.OrdinalIgnoreCase);
        var denyByDefault = string.Equals(resource.Text("properties.networkAcls.defaultAction"), "Deny", StringComparison.OrdinalIgnoreCase);
        if (!disabled && !denyByDefault)
        {
            yield return "public network access is open: set properties.publicNetworkAccess to Disabled or properties.networkAcls.defaultAction to Deny";
        }
    }
}
