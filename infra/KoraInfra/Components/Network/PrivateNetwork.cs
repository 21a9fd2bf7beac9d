using KoraInfra.Platform.Network;
using Pulumi;
using Pulumi.AzureNative.Network;
using NetworkInputs = Pulumi.AzureNative.Network.Inputs;
using PrivateDns = Pulumi.AzureNative.PrivateDns;

namespace KoraInfra.Components.Network;

/// <summary>
/// The environment's private network as Platform planned it: the VNet, one NSG per subnet with
/// its rules, the subnets (NSG associated, NAT egress where planned), the NAT gateway and its
/// static IP, and the private DNS zones linked to the VNet. Data services are connected with
/// <see cref="ConnectPrivately"/> once they exist: a private endpoint in the endpoint subnet and
/// a zone group that writes its A record into the service's zone.
/// </summary>
public sealed class PrivateNetwork : ComponentResource
{
    private readonly PrivateNetworkArgs _args;
    private readonly Dictionary<string, PrivateDns.PrivateZone> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<SubnetRole, Subnet> _subnets = [];

    /// <summary>Declares the network.</summary>
    public PrivateNetwork(string name, PrivateNetworkArgs args, ComponentResourceOptions? options = null)
        : base("kora:network:PrivateNetwork", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        _args = args;
        var plan = args.Plan;
        var tags = Tagging.ToInput(args.Tags);

        var vnet = new VirtualNetwork("vnet", new VirtualNetworkArgs
        {
            VirtualNetworkName = plan.VirtualNetworkName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            AddressSpace = new NetworkInputs.AddressSpaceArgs { AddressPrefixes = { plan.AddressSpace.ToString() } },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        NatGateway? nat = null;
        if (plan.NatGateway is { } natPlan)
        {
            var address = new PublicIPAddress("egress-ip", new PublicIPAddressArgs
            {
                PublicIpAddressName = natPlan.PublicIpName,
                ResourceGroupName = args.ResourceGroupName,
                Location = args.Location,
                Sku = new NetworkInputs.PublicIPAddressSkuArgs { Name = natPlan.Sku },
                PublicIPAllocationMethod = natPlan.AllocationMethod,
                Zones = natPlan.Zones.ToList(),
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
            nat = new NatGateway("nat-gateway", new NatGatewayArgs
            {
                NatGatewayName = natPlan.Name,
                ResourceGroupName = args.ResourceGroupName,
                Location = args.Location,
                Sku = new NetworkInputs.NatGatewaySkuArgs { Name = natPlan.Sku },
                IdleTimeoutInMinutes = natPlan.IdleTimeoutMinutes,
                PublicIpAddresses = { new NetworkInputs.SubResourceArgs { Id = address.Id } },
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
            EgressIpAddress = address.IpAddress.Apply(ip => ip ?? string.Empty);
        }

        // Azure changes one subnet of a VNet at a time: each subnet waits for the previous one.
        Resource previous = vnet;
        foreach (var subnetPlan in plan.Subnets)
        {
            var group = DeclareSecurityGroup(subnetPlan, args, tags);
            var subnetArgs = new SubnetArgs
            {
                SubnetName = subnetPlan.Name,
                VirtualNetworkName = vnet.Name,
                ResourceGroupName = args.ResourceGroupName,
                AddressPrefix = subnetPlan.Prefix.ToString(),
                NetworkSecurityGroup = new NetworkInputs.NetworkSecurityGroupArgs { Id = group.Id },
                PrivateEndpointNetworkPolicies = subnetPlan.PrivateEndpointNetworkPolicies ? "Enabled" : "Disabled",
                DefaultOutboundAccess = subnetPlan.DefaultOutboundAccess,
            };
            if (subnetPlan.NatEgress && nat is not null)
            {
                subnetArgs.NatGateway = new NetworkInputs.SubResourceArgs { Id = nat.Id };
            }

            var subnet = new Subnet($"subnet-{Segment(subnetPlan.Role)}", subnetArgs, new CustomResourceOptions { Parent = this, DependsOn = { previous } });
            _subnets[subnetPlan.Role] = subnet;
            previous = subnet;
        }

        foreach (var zonePlan in plan.DnsZones)
        {
            var zone = new PrivateDns.PrivateZone($"zone-{zonePlan.ZoneName}", new PrivateDns.PrivateZoneArgs
            {
                PrivateZoneName = zonePlan.ZoneName,
                ResourceGroupName = args.ResourceGroupName,
                Location = zonePlan.Location,
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
            _ = new PrivateDns.VirtualNetworkLink($"zone-link-{zonePlan.ZoneName}", new PrivateDns.VirtualNetworkLinkArgs
            {
                VirtualNetworkLinkName = zonePlan.LinkName,
                PrivateZoneName = zone.Name,
                ResourceGroupName = args.ResourceGroupName,
                Location = zonePlan.Location,
                RegistrationEnabled = zonePlan.RegistrationEnabled,
                VirtualNetwork = new PrivateDns.Inputs.SubResourceArgs { Id = vnet.Id },
                Tags = tags,
            }, new CustomResourceOptions { Parent = this });
            _zones[zonePlan.ZoneName] = zone;
        }

        VirtualNetworkId = vnet.Id;
        VirtualNetworkName = vnet.Name;
        NodeSubnetId = _subnets[SubnetRole.ClusterNodes].Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["virtualNetworkId"] = VirtualNetworkId,
            ["nodeSubnetId"] = NodeSubnetId,
            ["egressIpAddress"] = EgressIpAddress,
        });
    }

    /// <summary>The VNet's resource id.</summary>
    public Output<string> VirtualNetworkId { get; }

    /// <summary>The VNet's name.</summary>
    public Output<string> VirtualNetworkName { get; }

    /// <summary>The subnet the AKS nodes join.</summary>
    public Output<string> NodeSubnetId { get; }

    /// <summary>The NAT gateway's static address, or null without a NAT gateway.</summary>
    public Output<string>? EgressIpAddress { get; }

    /// <summary>
    /// Connects every data service Platform planned an endpoint for. Each planned endpoint must
    /// have its resource: a plan that names a service the stack did not declare is a defect.
    /// </summary>
    /// <param name="targets">The resource id of each data service, by the plan's endpoint key.</param>
    public void ConnectPrivately(IReadOnlyDictionary<string, Output<string>> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var endpoint in _args.Plan.PrivateEndpoints)
        {
            if (!targets.TryGetValue(endpoint.Key, out var targetId))
            {
                throw new ArgumentException($"the network plan has a private endpoint for '{endpoint.Key}' ({endpoint.TargetName}) but the stack passed no such resource", nameof(targets));
            }

            DeclareEndpoint(endpoint, targetId);
        }
    }

    private void DeclareEndpoint(PrivateEndpointPlan endpoint, Output<string> targetId)
    {
        var privateEndpoint = new PrivateEndpoint($"endpoint-{endpoint.Key}", new PrivateEndpointArgs
        {
            PrivateEndpointName = endpoint.Name,
            ResourceGroupName = _args.ResourceGroupName,
            Location = _args.Location,
            Subnet = new NetworkInputs.SubnetArgs { Id = _subnets[SubnetRole.PrivateEndpoints].Id },
            PrivateLinkServiceConnections =
            {
                new NetworkInputs.PrivateLinkServiceConnectionArgs
                {
                    Name = endpoint.ConnectionName,
                    PrivateLinkServiceId = targetId,
                    GroupIds = { endpoint.GroupId },
                },
            },
            Tags = Tagging.ToInput(_args.Tags),
        }, new CustomResourceOptions { Parent = this });

        _ = new PrivateDnsZoneGroup($"zone-group-{endpoint.Key}", new PrivateDnsZoneGroupArgs
        {
            PrivateDnsZoneGroupName = endpoint.ZoneGroupName,
            PrivateEndpointName = privateEndpoint.Name,
            ResourceGroupName = _args.ResourceGroupName,
            PrivateDnsZoneConfigs =
            {
                new NetworkInputs.PrivateDnsZoneConfigArgs
                {
                    Name = endpoint.ZoneConfigName,
                    PrivateDnsZoneId = _zones[endpoint.ZoneName].Id,
                },
            },
        }, new CustomResourceOptions { Parent = this });
    }

    private NetworkSecurityGroup DeclareSecurityGroup(SubnetPlan subnet, PrivateNetworkArgs args, Dictionary<string, string> tags)
    {
        var plan = subnet.SecurityGroup;
        var groupArgs = new NetworkSecurityGroupArgs
        {
            NetworkSecurityGroupName = plan.Name,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Tags = tags,
        };
        foreach (var rule in plan.Rules)
        {
            var ruleArgs = new NetworkInputs.SecurityRuleArgs
            {
                Name = rule.Name,
                Priority = rule.Priority,
                Direction = rule.Direction == RuleDirection.Inbound ? "Inbound" : "Outbound",
                Access = rule.Access == RuleAccess.Allow ? "Allow" : "Deny",
                Protocol = rule.Protocol,
                SourceAddressPrefix = rule.Source,
                SourcePortRange = rule.SourcePorts,
                DestinationAddressPrefix = rule.Destination,
                Description = rule.Description,
            };

            // Azure takes "*" or one port in the single field only; several ports go in the list.
            if (rule.DestinationPorts.Count == 1)
            {
                ruleArgs.DestinationPortRange = rule.DestinationPorts[0];
            }
            else
            {
                ruleArgs.DestinationPortRanges = rule.DestinationPorts.ToList();
            }

            groupArgs.SecurityRules.Add(ruleArgs);
        }

        return new NetworkSecurityGroup($"nsg-{Segment(subnet.Role)}", groupArgs, new CustomResourceOptions { Parent = this });
    }

    private static string Segment(SubnetRole role) => role switch
    {
        SubnetRole.ClusterNodes => "aks-nodes",
        SubnetRole.PrivateEndpoints => "endpoints",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a subnet role"),
    };
}
