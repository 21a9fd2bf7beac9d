using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-021: PostgreSQL servers of non-public environments refuse public network traffic.</summary>
public sealed class PostgresPrivateNetwork : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-021";

    /// <inheritdoc />
    public override string Title => "PostgreSQL servers disable public network access (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "The tenant database must be reachable only from the platform's network.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_68", "CKV2_AZURE_57"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.PostgreSqlServer };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => Levels.PrivateNetwork(environment);

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!string.Equals(resource.Text("network.publicNetworkAccess"), "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"network.publicNetworkAccess is {resource.Text("network.publicNetworkAccess") ?? "unset (Azure's default is Enabled)"}; expected Disabled";
        }
    }
}
