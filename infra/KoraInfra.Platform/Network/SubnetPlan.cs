namespace KoraInfra.Platform.Network;

/// <summary>One subnet of the VNet.</summary>
/// <param name="Role">What it holds.</param>
/// <param name="Name">The subnet name.</param>
/// <param name="Prefix">Its range.</param>
/// <param name="Holds">What it holds, for people (the address plan).</param>
/// <param name="AddressesNeeded">Addresses its contents need, Azure's five included (the prefix is the next power of two).</param>
/// <param name="SecurityGroup">Its NSG (every subnet has one).</param>
/// <param name="NatEgress">Whether its outbound traffic leaves through the NAT gateway.</param>
public sealed record SubnetPlan(
    SubnetRole Role,
    string Name,
    Ipv4Cidr Prefix,
    string Holds,
    long AddressesNeeded,
    NetworkSecurityGroupPlan SecurityGroup,
    bool NatEgress)
{
    /// <summary>Addresses left for its contents after Azure's five.</summary>
    public long UsableAddresses => Prefix.Size - SubnetSizing.AzureReservedAddresses;

    /// <summary>
    /// NSGs and route tables apply to private endpoints only when the subnet enables these
    /// policies: on for the endpoint subnet, so its NSG is enforced.
    /// </summary>
    public bool PrivateEndpointNetworkPolicies => Role == SubnetRole.PrivateEndpoints;

    /// <summary>
    /// No implicit outbound address: egress is explicit (the NAT gateway, or the cluster's load
    /// balancer in dev), so nothing leaves from an address no allowlist knows.
    /// </summary>
    public bool DefaultOutboundAccess { get; init; }
}
