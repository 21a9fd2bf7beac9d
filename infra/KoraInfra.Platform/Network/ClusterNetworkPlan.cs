namespace KoraInfra.Platform.Network;

/// <summary>How AKS is wired into the network.</summary>
/// <param name="PodCidr">The pods' overlay range.</param>
/// <param name="ServiceCidr">Kubernetes service addresses.</param>
/// <param name="DnsServiceIp">The cluster DNS service address (the tenth of the service range).</param>
/// <param name="OutboundType"><c>userAssignedNATGateway</c> where the environment has a NAT gateway, else <c>loadBalancer</c>.</param>
/// <param name="AuthorizedRanges">Public ranges allowed to reach the API server besides the NAT egress; empty with no NAT means no restriction (dev without an allowlist).</param>
/// <param name="AuthorizeNatEgress">Whether the NAT gateway's address is added to the authorized ranges (the in-cluster runners reach the API server from it).</param>
public sealed record ClusterNetworkPlan(
    string PodCidr,
    string ServiceCidr,
    string DnsServiceIp,
    string OutboundType,
    IReadOnlyList<string> AuthorizedRanges,
    bool AuthorizeNatEgress)
{
    /// <summary>
    /// Network Contributor: the cluster's own identity must join the node subnet and use its NAT
    /// gateway, so it is granted on the VNet before the cluster is created.
    /// </summary>
    public const string NetworkContributorRoleId = "4d97b98b-1d4f-4787-a291-c67834d212e7";

    /// <summary>Azure CNI: nodes in the VNet subnet.</summary>
    public string NetworkPlugin { get; init; } = "azure";

    /// <summary>Overlay: pods take addresses from <see cref="PodCidr"/>, not from the subnet, so the subnet holds only nodes.</summary>
    public string NetworkPluginMode { get; init; } = "overlay";

    /// <summary>Azure CNI powered by Cilium: the dataplane that enforces the workloads' network policies.</summary>
    public string NetworkDataplane { get; init; } = "cilium";

    /// <summary>The network policy engine (with the Cilium dataplane, Cilium).</summary>
    public string NetworkPolicy { get; init; } = "cilium";
}
