namespace KoraInfra.Platform.Network;

/// <summary>
/// How many addresses each subnet needs, from what it holds. A subnet that holds AKS nodes
/// cannot be resized while nodes use it, so every size leaves room to grow.
/// </summary>
public static class SubnetSizing
{
    /// <summary>Azure keeps five addresses of every subnet (network, gateway, two DNS, broadcast).</summary>
    public const int AzureReservedAddresses = 5;

    /// <summary>Internal load balancer frontends the cluster may take from the node subnet.</summary>
    public const int InternalLoadBalancerFrontends = 8;

    /// <summary>Room for later services: the endpoint subnet holds at least this many endpoints.</summary>
    public const int MinimumPrivateEndpoints = 16;

    /// <summary>Azure's smallest subnet.</summary>
    public const int SmallestSubnetPrefix = 29;

    /// <summary>
    /// Nodes an upgrade adds at once: AKS's default max surge is 10% of the pool, at least one.
    /// </summary>
    public static int SurgeNodes(int maxNodeCount) => Math.Max(1, (maxNodeCount + 9) / 10);

    /// <summary>
    /// The node subnet: with Azure CNI overlay each node takes one VNet address (pods take the
    /// overlay range), so it holds twice the autoscaler ceiling plus upgrade surge (so the
    /// ceiling can be raised without re-addressing), internal load balancers and Azure's five.
    /// </summary>
    public static long NodeSubnetAddresses(int maxNodeCount) =>
        (2L * (maxNodeCount + SurgeNodes(maxNodeCount))) + InternalLoadBalancerFrontends + AzureReservedAddresses;

    /// <summary>The endpoint subnet: one address per private endpoint, room for twice as many, at least <see cref="MinimumPrivateEndpoints"/>.</summary>
    public static long PrivateEndpointSubnetAddresses(int endpoints) =>
        Math.Max(MinimumPrivateEndpoints, 2L * endpoints) + AzureReservedAddresses;

    /// <summary>
    /// The /24 blocks the pod overlay range must hold: AKS gives every node a /24, and the range
    /// must cover the same doubled ceiling as the node subnet.
    /// </summary>
    public static long PodBlocks(int maxNodeCount) => 2L * (maxNodeCount + SurgeNodes(maxNodeCount));

    /// <summary>The prefix length of a subnet that holds <paramref name="addresses"/> addresses.</summary>
    public static int PrefixFor(long addresses) => Math.Min(SmallestSubnetPrefix, Ipv4Cidr.PrefixFor(addresses));
}
