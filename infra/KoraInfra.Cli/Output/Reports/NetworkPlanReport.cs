namespace KoraInfra.Cli.Output.Reports;

/// <summary>
/// <c>kora network plan --json</c>: the stack's private network as the program declares it. When
/// the settings are invalid only <see cref="Problems"/> is filled; a stack on an existing cluster
/// is valid with a null <see cref="Network"/>.
/// </summary>
/// <param name="Stack">The stack.</param>
/// <param name="File">Its stack file.</param>
/// <param name="Valid">Whether the settings are valid and their ranges overlap no other stack's (exit code 0).</param>
/// <param name="Problems">What is wrong with the settings.</param>
/// <param name="Network">The network, or null (invalid settings, or no VNet on an existing cluster).</param>
internal sealed record NetworkPlanReport(string Stack, string File, bool Valid, IReadOnlyList<SettingsProblemReport> Problems, NetworkReport? Network);

/// <summary>The VNet and everything in and around it.</summary>
/// <param name="VirtualNetwork">The VNet's name.</param>
/// <param name="AddressSpace">Its range (CIDR).</param>
/// <param name="Addresses">Addresses in the range.</param>
/// <param name="FreeAddresses">Addresses no subnet uses.</param>
/// <param name="FreeRanges">The free parts, as aligned CIDR ranges.</param>
/// <param name="Subnets">Every subnet, in address order.</param>
/// <param name="PodCidr">The pod overlay range (not routed in the VNet).</param>
/// <param name="ServiceCidr">The Kubernetes service range.</param>
/// <param name="DnsServiceIp">The cluster DNS address.</param>
/// <param name="OutboundType">AKS's outbound type.</param>
/// <param name="NatGateway">The egress gateway, or null (dev egresses through the load balancer).</param>
/// <param name="ApiServerAuthorizedRanges">Ranges the API server accepts (the NAT egress IP comes on top when <paramref name="ApiServerAllowsNatEgress"/>).</param>
/// <param name="ApiServerAllowsNatEgress">Whether the NAT gateway's IP is authorised too.</param>
/// <param name="Postgres">privateEndpoint, vnetIntegration or publicAllowlist.</param>
/// <param name="PublicAllowlist">Dev only: public ranges the data services accept.</param>
/// <param name="PrivateEndpoints">One per data service that refuses public traffic.</param>
internal sealed record NetworkReport(
    string VirtualNetwork,
    string AddressSpace,
    long Addresses,
    long FreeAddresses,
    IReadOnlyList<string> FreeRanges,
    IReadOnlyList<SubnetReport> Subnets,
    string PodCidr,
    string ServiceCidr,
    string DnsServiceIp,
    string OutboundType,
    NatGatewayReport? NatGateway,
    IReadOnlyList<string> ApiServerAuthorizedRanges,
    bool ApiServerAllowsNatEgress,
    string Postgres,
    IReadOnlyList<string> PublicAllowlist,
    IReadOnlyList<PrivateEndpointReport> PrivateEndpoints);

/// <summary>One subnet and its NSG.</summary>
/// <param name="Name">The subnet's name.</param>
/// <param name="Role">clusterNodes or privateEndpoints.</param>
/// <param name="Range">Its CIDR.</param>
/// <param name="Size">Addresses in it.</param>
/// <param name="AddressesNeeded">Addresses its contents need (Azure's five included).</param>
/// <param name="Holds">What it holds, for people.</param>
/// <param name="NatEgress">Whether its egress goes through the NAT gateway.</param>
/// <param name="SecurityGroup">Its NSG's name.</param>
/// <param name="Rules">The NSG's rules, by priority.</param>
internal sealed record SubnetReport(string Name, string Role, string Range, long Size, long AddressesNeeded, string Holds, bool NatEgress, string SecurityGroup, IReadOnlyList<SecurityRuleReport> Rules);

/// <summary>One NSG rule.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Priority">Its priority (lower first).</param>
/// <param name="Direction">inbound or outbound.</param>
/// <param name="Access">allow or deny.</param>
/// <param name="Protocol">Tcp, Udp or *.</param>
/// <param name="Source">The source prefix or service tag.</param>
/// <param name="Destination">The destination prefix or service tag.</param>
/// <param name="Ports">Destination ports.</param>
/// <param name="Description">Why the rule exists.</param>
internal sealed record SecurityRuleReport(string Name, int Priority, string Direction, string Access, string Protocol, string Source, string Destination, IReadOnlyList<string> Ports, string Description);

/// <summary>The NAT gateway.</summary>
/// <param name="Name">Its name.</param>
/// <param name="PublicIp">Its static public IP's name.</param>
/// <param name="Zones">Its availability zones (empty: regional).</param>
internal sealed record NatGatewayReport(string Name, string PublicIp, IReadOnlyList<string> Zones);

/// <summary>A private endpoint and the zone its name resolves through.</summary>
/// <param name="Key">The service key (vault, postgres, redis, ...).</param>
/// <param name="Name">The endpoint's name.</param>
/// <param name="HostName">The service's host name.</param>
/// <param name="GroupId">The private link sub-resource.</param>
/// <param name="Zone">The private DNS zone.</param>
internal sealed record PrivateEndpointReport(string Key, string Name, string HostName, string GroupId, string Zone);
