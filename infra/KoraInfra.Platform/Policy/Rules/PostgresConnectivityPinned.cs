using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// KORA-076: the PostgreSQL server uses its environment's pinned connectivity. Azure fixes VNet
/// integration when a server is created; a change of mode would replace the tenant database.
/// </summary>
public sealed class PostgresConnectivityPinned : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-076";

    /// <inheritdoc />
    public override string Title => "PostgreSQL servers keep their environment's pinned network mode (private endpoint in staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "A flexible server cannot switch between VNet integration and public access with private endpoints after creation: a silent flip in code would replace the tenant database.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.PostgreSqlServer };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var pinned = NetworkPlan.PostgresConnectivityFor(context.Environment.Name);
        var integrated = !string.IsNullOrEmpty(resource.Text("network.delegatedSubnetResourceId"));
        if (integrated != (pinned == PostgresConnectivity.VnetIntegration))
        {
            yield return integrated
                ? $"the server is VNet-integrated (network.delegatedSubnetResourceId), but {context.Environment.StackName} is pinned to {pinned}; changing the mode replaces the server (docs/network.md)"
                : $"the server is not VNet-integrated, but {context.Environment.StackName} is pinned to VNet integration";
        }
    }
}
