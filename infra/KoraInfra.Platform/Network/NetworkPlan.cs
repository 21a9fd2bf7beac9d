using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Network;

/// <summary>
/// The environment's private network, fully decided: the VNet and its subnets (sized from what
/// they hold), one NSG per subnet that denies inbound by default, NAT egress, the private DNS
/// zones linked to the VNet, a private endpoint for every data service that refuses public
/// traffic, and how AKS sits in it.
/// </summary>
/// <param name="VirtualNetworkName">The VNet.</param>
/// <param name="AddressSpace">Its range.</param>
/// <param name="Subnets">Every subnet, in address order.</param>
/// <param name="NatGateway">The egress gateway; null where the environment egresses through the cluster's load balancer (dev).</param>
/// <param name="DnsZones">Private DNS zones linked to the VNet (one per service with an endpoint).</param>
/// <param name="PrivateEndpoints">One per data service that refuses public traffic.</param>
/// <param name="Cluster">How AKS is wired in.</param>
/// <param name="Postgres">How the database server is reached (pinned per environment).</param>
/// <param name="PublicAllowlist">Dev only: public ranges the data services accept.</param>
public sealed record NetworkPlan(
    string VirtualNetworkName,
    Ipv4Cidr AddressSpace,
    IReadOnlyList<SubnetPlan> Subnets,
    NatGatewayPlan? NatGateway,
    IReadOnlyList<PrivateDnsZonePlan> DnsZones,
    IReadOnlyList<PrivateEndpointPlan> PrivateEndpoints,
    ClusterNetworkPlan Cluster,
    PostgresConnectivity Postgres,
    IReadOnlyList<Ipv4Cidr> PublicAllowlist)
{
    /// <summary>Addresses of the space no subnet uses.</summary>
    public long FreeAddresses => AddressSpace.Size - Subnets.Sum(s => s.Prefix.Size);

    /// <summary>The free parts of the space, as aligned ranges (where the next subnet goes).</summary>
    public IReadOnlyList<Ipv4Cidr> FreeRanges => AddressPlanner.Free(AddressSpace, Subnets.Select(s => s.Prefix));

    /// <summary>The subnet with a role, or null when the environment has none.</summary>
    public SubnetPlan? Subnet(SubnetRole role) => Subnets.FirstOrDefault(s => s.Role == role);

    /// <summary>The endpoint serving a resource key, or null.</summary>
    public PrivateEndpointPlan? EndpointFor(string key) => PrivateEndpoints.FirstOrDefault(e => e.Key == key);

    /// <summary>
    /// The PostgreSQL connectivity of each environment. Pinned here, with a test, because Azure
    /// cannot switch an existing server between VNet integration and the other modes.
    /// </summary>
    public static PostgresConnectivity PostgresConnectivityFor(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => PostgresConnectivity.PublicAllowlist,
        EnvironmentName.Staging or EnvironmentName.Prod => PostgresConnectivity.PrivateEndpoint,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };

    /// <summary>The subnets an environment needs, at their sizes.</summary>
    public static IReadOnlyList<SubnetRequest> SubnetRequests(int maxNodeCount, int privateEndpoints)
    {
        var requests = new List<SubnetRequest> { new(SubnetRole.ClusterNodes, SubnetSizing.PrefixFor(SubnetSizing.NodeSubnetAddresses(maxNodeCount))) };
        if (privateEndpoints > 0)
        {
            requests.Add(new SubnetRequest(SubnetRole.PrivateEndpoints, SubnetSizing.PrefixFor(SubnetSizing.PrivateEndpointSubnetAddresses(privateEndpoints))));
        }

        return requests;
    }

    /// <summary>Decides the network of a stack; null when the stack runs on a cluster it does not declare (it has nothing to put in a VNet).</summary>
    public static NetworkPlan? For(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Cluster.Mode != ClusterMode.Managed)
        {
            return null;
        }

        var profile = settings.Environment;
        var names = settings.Names;
        var network = settings.Network;
        var maxNodes = settings.Cluster.MaxNodeCount!.Value;
        var endpoints = PrivateEndpointsFor(settings);
        var prefixes = AddressPlanner.Allocate(network.AddressSpace, SubnetRequests(maxNodes, endpoints.Count))
            ?? throw new ArgumentException($"{network.AddressSpace} cannot hold the subnets; the settings reader refuses such a space", nameof(settings));

        var nat = profile.AllowsPublicNetworkAccess
            ? null
            : new NatGatewayPlan(
                names.Name(ResourceKind.NatGateway),
                names.Name(ResourceKind.PublicIpAddress, "egress"),
                IdleTimeoutMinutes: 4,
                Zones: profile.ZoneRedundant && settings.Region.HasAvailabilityZones ? ["1", "2", "3"] : []);

        var nodes = prefixes[SubnetRole.ClusterNodes];
        var subnets = new List<SubnetPlan>
        {
            new(SubnetRole.ClusterNodes, names.Name(ResourceKind.Subnet, "aks-nodes"), nodes, $"AKS nodes (at most {maxNodes}, Azure CNI overlay: one address each)", SubnetSizing.NodeSubnetAddresses(maxNodes), NodeSecurityGroup(names, network), NatEgress: nat is not null),
        };
        if (prefixes.TryGetValue(SubnetRole.PrivateEndpoints, out var endpointPrefix))
        {
            subnets.Add(new SubnetPlan(SubnetRole.PrivateEndpoints, names.Name(ResourceKind.Subnet, "endpoints"), endpointPrefix, $"private endpoints ({endpoints.Count}: {string.Join(", ", endpoints.Select(e => e.Key))})", SubnetSizing.PrivateEndpointSubnetAddresses(endpoints.Count), EndpointSecurityGroup(names, nodes, endpointPrefix, endpoints), NatEgress: false));
        }

        // The data-service allowlist is not the API server's: dev's pipeline deploys from hosted
        // runners, so dev's API server is limited only by what the stack file lists.
        var authorized = network.ApiServerAuthorizedRanges.Select(r => r.ToString()).ToList();
        return new NetworkPlan(
            VirtualNetworkName: names.Name(ResourceKind.VirtualNetwork),
            AddressSpace: network.AddressSpace,
            Subnets: subnets.OrderBy(s => s.Prefix.First).ToList(),
            NatGateway: nat,
            DnsZones: endpoints.Select(e => e.ZoneName).Distinct(StringComparer.Ordinal)
                .Select(zone => new PrivateDnsZonePlan(zone, names.Name(ResourceKind.VirtualNetwork))).ToList(),
            PrivateEndpoints: endpoints,
            Cluster: new ClusterNetworkPlan(
                network.PodCidr.ToString(),
                network.ServiceCidr.ToString(),
                network.ServiceCidr.AddressAt(10),
                nat is null ? "loadBalancer" : "userAssignedNATGateway",
                authorized,
                AuthorizeNatEgress: nat is not null),
            Postgres: PostgresConnectivityFor(profile.Name),
            PublicAllowlist: network.PublicAllowlist);
    }

    // Every data service of the stack that refuses public traffic, by the name its own plan gives it.
    private static List<PrivateEndpointPlan> PrivateEndpointsFor(StackSettings settings)
    {
        var profile = settings.Environment;
        if (profile.AllowsPublicNetworkAccess)
        {
            return [];
        }

        var names = settings.Names;
        var targets = new List<(string Key, PrivateService Service, string Name)>
        {
            ("vault", PrivateService.KeyVault, VaultPlan.For(profile, names).Name),
            ("postgres", PrivateService.PostgreSql, names.Name(ResourceKind.PostgreSqlServer)),
        };
        var redis = RedisPlan.For(settings, KubernetesTarget.For(profile, settings.Cluster.Context).WorkloadNamespace).Azure;
        if (redis is not null)
        {
            targets.Add(("redis", PrivateService.Redis, redis.Name));
            if (redis.Persistence is { } persistence)
            {
                targets.Add(("redis-snapshots", PrivateService.Blob, persistence.StorageAccountName));
            }
        }

        if (ReleaseStorePlan.For(settings) is { } store)
        {
            targets.Add(("release-store", PrivateService.Blob, store.AccountName));
        }

        return targets.Select(t => new PrivateEndpointPlan(t.Key, t.Service, t.Name, names.Name(ResourceKind.PrivateEndpoint, t.Key))).ToList();
    }

    private static NetworkSecurityGroupPlan NodeSecurityGroup(ResourceNamer names, NetworkSettings network) => new(
        names.Name(ResourceKind.NetworkSecurityGroup, "aks-nodes"),
        [
            new("allow-vnet-inbound", 100, RuleDirection.Inbound, RuleAccess.Allow, "*", "VirtualNetwork", "VirtualNetwork", ["*"], "Nodes talk to each other (pod overlay traffic travels between node addresses)."),
            new("allow-azure-load-balancer", 110, RuleDirection.Inbound, RuleAccess.Allow, "*", "AzureLoadBalancer", "*", ["*"], "Azure load balancer health probes reach the nodes."),
            new("allow-https-ingress", 120, RuleDirection.Inbound, RuleAccess.Allow, "Tcp", "Internet", "*", ["443"], "n8n's public host, through the ingress controller's load balancer (TLS only)."),
            DenyAllInbound(),
        ]);

    private static NetworkSecurityGroupPlan EndpointSecurityGroup(ResourceNamer names, Ipv4Cidr nodes, Ipv4Cidr endpointSubnet, IReadOnlyList<PrivateEndpointPlan> endpoints) => new(
        names.Name(ResourceKind.NetworkSecurityGroup, "endpoints"),
        [
            new("allow-cluster-to-data-services", 100, RuleDirection.Inbound, RuleAccess.Allow, "Tcp", nodes.ToString(), endpointSubnet.ToString(),
                endpoints.Select(e => PrivateServices.Port(e.Service)).Distinct().Order().Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                "Pods (their traffic leaves the overlay with the node's address) reach the data services on their TLS ports only."),
            DenyAllInbound(),
        ]);

    // Azure's own default rules allow all VNet traffic; this one sits above them so nothing not named is let in.
    private static SecurityRulePlan DenyAllInbound() =>
        new("deny-all-inbound", 4096, RuleDirection.Inbound, RuleAccess.Deny, "*", "*", "*", ["*"], "Deny by default: only the flows named above enter the subnet.");
}
