using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Settings;

/// <summary>The stack file's <c>kora-infra:network</c> value: the environment's address plan and who may reach its public planes.</summary>
/// <param name="AddressSpace">The virtual network's range (RFC 1918); every subnet is carved from it.</param>
/// <param name="PodCidr">The pods' overlay range (Azure CNI overlay): never routed in the VNet, but it must not collide with it.</param>
/// <param name="ServiceCidr">Kubernetes service addresses; the cluster DNS service takes its tenth address.</param>
/// <param name="ApiServerAuthorizedRanges">Public ranges, besides the environment's own NAT egress, allowed to reach the AKS API server.</param>
/// <param name="PublicAllowlist">Dev only: public ranges its data services accept; empty everywhere else.</param>
/// <param name="Ranges">The three private ranges with their keys and locations, for checks across stacks.</param>
public sealed record NetworkSettings(
    Ipv4Cidr AddressSpace,
    Ipv4Cidr PodCidr,
    Ipv4Cidr ServiceCidr,
    IReadOnlyList<Ipv4Cidr> ApiServerAuthorizedRanges,
    IReadOnlyList<Ipv4Cidr> PublicAllowlist,
    IReadOnlyList<NetworkRangeSetting> Ranges);

/// <summary>One private range of a stack's network settings and where it was written.</summary>
/// <param name="Key">The full key, e.g. <c>kora-infra:network.addressSpace</c>.</param>
/// <param name="Range">The range.</param>
/// <param name="Location">File and line.</param>
public sealed record NetworkRangeSetting(string Key, Ipv4Cidr Range, SourceLocation Location);
