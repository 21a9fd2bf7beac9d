using System.Text.Json.Nodes;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// KORA-075: within a stack, every subnet lies in its VNet and no two network ranges share an
/// address (VNets, subnets, the clusters' pod and service ranges). Ranges of different stacks
/// are checked where all three are visible: by <c>kora validate</c> on the stack files.
/// </summary>
public sealed class NetworkRangesDisjoint : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-075";

    /// <inheritdoc />
    public override string Title => "Network ranges never overlap: subnets inside their VNet, VNets, subnets and AKS pod and service ranges disjoint";

    /// <inheritdoc />
    public override string Rationale => "An overlapping range routes traffic to the wrong place silently: a pod range inside the VNet shadows the private endpoints, a subnet outside its VNet never deploys.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spaces = context.Stack.OfType(TypeTokens.VirtualNetwork)
            .SelectMany(v => Ranges(v.Property("addressSpace.addressPrefixes")).Select(r => (v.Urn, What: $"VNet {r}", Range: r)))
            .ToList();
        var subnets = context.Stack.OfType(TypeTokens.Subnet)
            .SelectMany(s => Ranges(s.Property("addressPrefix")).Concat(Ranges(s.Property("addressPrefixes"))).Select(r => (s.Urn, What: $"subnet {r}", Range: r)))
            .ToList();
        var cluster = context.Stack.OfType(TypeTokens.ManagedCluster)
            .SelectMany(c => Ranges(c.Property("networkProfile.podCidr")).Select(r => (c.Urn, What: $"pod range {r}", Range: r))
                .Concat(Ranges(c.Property("networkProfile.serviceCidr")).Select(r => (c.Urn, What: $"service range {r}", Range: r))))
            .ToList();

        foreach (var subnet in subnets.Where(s => spaces.Count > 0 && !spaces.Any(v => v.Range.Contains(s.Range))))
        {
            yield return new Finding(subnet.Urn, $"{subnet.What} lies outside every VNet address space ({string.Join(", ", spaces.Select(v => v.Range))})");
        }

        // VNets against each other and against cluster ranges; subnets against each other and cluster ranges.
        var groups = new[] { spaces.Concat(cluster).ToList(), subnets.Concat(cluster).ToList() };
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (group[i].Range.Overlaps(group[j].Range) && reported.Add($"{group[j].What}|{group[i].What}"))
                    {
                        yield return new Finding(group[i].Urn, $"{group[i].What} overlaps {group[j].What}; every network range must be disjoint");
                    }
                }
            }
        }
    }

    private static IEnumerable<Ipv4Cidr> Ranges(JsonNode? node) =>
        (node is JsonArray list ? list.Select(Json.Text) : [Json.Text(node)])
            .Select(text => Ipv4Cidr.TryParse(text, out var range, out _) ? range : (Ipv4Cidr?)null)
            .Where(r => r is not null)
            .Select(r => r!.Value);
}
