using System.Globalization;
using KoraInfra.Cli.Output.Reports;
using KoraInfra.Platform.Network;

namespace KoraInfra.Cli.Commands.Network;

/// <summary>A network plan as the report's records (JSON, and the terminal's tables).</summary>
internal static class NetworkPlanJson
{
    public static NetworkReport From(NetworkPlan plan) => new(
        plan.VirtualNetworkName,
        plan.AddressSpace.ToString(),
        plan.AddressSpace.Size,
        plan.FreeAddresses,
        plan.FreeRanges.Select(r => r.ToString()).ToList(),
        plan.Subnets.Select(s => new SubnetReport(
            s.Name,
            Camel(s.Role.ToString()),
            s.Prefix.ToString(),
            s.Prefix.Size,
            s.AddressesNeeded,
            s.Holds,
            s.NatEgress,
            s.SecurityGroup.Name,
            s.SecurityGroup.Rules.OrderBy(r => r.Priority).Select(r => new SecurityRuleReport(
                r.Name,
                r.Priority,
                r.Direction.ToString().ToLowerInvariant(),
                r.Access.ToString().ToLowerInvariant(),
                r.Protocol,
                r.Source,
                r.Destination,
                r.DestinationPorts,
                r.Description)).ToList())).ToList(),
        plan.Cluster.PodCidr,
        plan.Cluster.ServiceCidr,
        plan.Cluster.DnsServiceIp,
        plan.Cluster.OutboundType,
        plan.NatGateway is { } nat ? new NatGatewayReport(nat.Name, nat.PublicIpName, nat.Zones) : null,
        plan.Cluster.AuthorizedRanges,
        plan.Cluster.AuthorizeNatEgress,
        Camel(plan.Postgres.ToString()),
        plan.PublicAllowlist.Select(r => r.ToString()).ToList(),
        plan.PrivateEndpoints.Select(e => new PrivateEndpointReport(e.Key, e.Name, e.HostName, e.GroupId, e.ZoneName)).ToList());

    private static string Camel(string name) => char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
}
