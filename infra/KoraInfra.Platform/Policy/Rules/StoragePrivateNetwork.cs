using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-070: storage accounts of non-public environments refuse public network traffic.</summary>
public sealed class StoragePrivateNetwork : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-070";

    /// <inheritdoc />
    public override string Title => "Storage accounts disable public network access (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "The release store and the Redis snapshots hold the deploy audit trail and queue contents; only the environment's network reaches them.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_59", "CKV2_AZURE_33"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.StorageAccount };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => Levels.PrivateNetwork(environment);

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!string.Equals(resource.Text("publicNetworkAccess"), "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"publicNetworkAccess is {resource.Text("publicNetworkAccess") ?? "unset (Azure's default is Enabled)"}; expected Disabled";
        }
    }
}
