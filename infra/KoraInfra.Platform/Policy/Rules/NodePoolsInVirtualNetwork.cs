using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-072: every AKS node pool sits in a subnet of the environment's VNet.</summary>
public sealed class NodePoolsInVirtualNetwork : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-072";

    /// <inheritdoc />
    public override string Title => "Every AKS node pool is in a VNet subnet (staging and prod)";

    /// <inheritdoc />
    public override string Rationale => "Nodes outside the environment's VNet cannot reach the private endpoints or the private DNS zones, and their traffic escapes its NSGs and NAT egress.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.ManagedCluster, TypeTokens.AgentPool };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => Levels.PrivateNetwork(environment);

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Type == TypeTokens.AgentPool)
        {
            if (string.IsNullOrEmpty(resource.Text("vnetSubnetID")))
            {
                yield return "the node pool has no vnetSubnetID; place it in the environment's node subnet";
            }

            yield break;
        }

        var pools = Json.Objects(resource.Property("agentPoolProfiles"));
        if (pools.Length == 0)
        {
            yield return "agentPoolProfiles is empty or unknown; every node pool must name its vnetSubnetID";
        }

        foreach (var pool in pools)
        {
            if (string.IsNullOrEmpty(Json.Text(Json.Get(pool, "vnetSubnetID"))))
            {
                yield return $"node pool '{Json.Text(Json.Get(pool, "name")) ?? "(unnamed)"}' has no vnetSubnetID; place it in the environment's node subnet";
            }
        }
    }
}
