using System.Text.Json;
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

        // Lists of a small class, not of (urn, what, range) tuples: framework generics over a
        // value tuple or Ipv4Cidr are JIT-compiled on every run (ReadyToRun cannot precompile them).
        var spaces = new List<NetworkRange>();
        foreach (var network in context.Stack.OfType(TypeTokens.VirtualNetwork))
        {
            AddRanges(spaces, network.Urn, "VNet", network.Property("addressSpace.addressPrefixes"));
        }

        var subnets = new List<NetworkRange>();
        foreach (var subnet in context.Stack.OfType(TypeTokens.Subnet))
        {
            AddRanges(subnets, subnet.Urn, "subnet", subnet.Property("addressPrefix"));
            AddRanges(subnets, subnet.Urn, "subnet", subnet.Property("addressPrefixes"));
        }

        var cluster = new List<NetworkRange>();
        foreach (var managed in context.Stack.OfType(TypeTokens.ManagedCluster))
        {
            AddRanges(cluster, managed.Urn, "pod range", managed.Property("networkProfile.podCidr"));
            AddRanges(cluster, managed.Urn, "service range", managed.Property("networkProfile.serviceCidr"));
        }

        foreach (var subnet in subnets.Where(s => spaces.Count > 0 && !spaces.Any(v => v.Range.Contains(s.Range))))
        {
            yield return new Finding(subnet.Urn, $"{subnet.What} lies outside every VNet address space ({string.Join(", ", spaces.Select(v => v.Range.ToString()))})");
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

    // A range given as one text or as a list of texts; what does not parse as IPv4 CIDR is left out.
    private static void AddRanges(List<NetworkRange> ranges, string urn, string kind, JsonElement? node)
    {
        if (node is { ValueKind: JsonValueKind.Array })
        {
            foreach (var text in Json.Texts(node))
            {
                AddRange(ranges, urn, kind, text);
            }
        }
        else
        {
            AddRange(ranges, urn, kind, Json.Text(node));
        }
    }

    private static void AddRange(List<NetworkRange> ranges, string urn, string kind, string? text)
    {
        if (Ipv4Cidr.TryParse(text, out var range, out _))
        {
            ranges.Add(new NetworkRange(urn, $"{kind} {range.ToString()}", range));
        }
    }

    private sealed record NetworkRange(string Urn, string What, Ipv4Cidr Range);
}
