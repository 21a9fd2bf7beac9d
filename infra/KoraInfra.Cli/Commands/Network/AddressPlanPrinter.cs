using System.Globalization;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Network;

/// <summary>Prints a network plan for people: the address plan first, then who may talk to whom.</summary>
internal static class AddressPlanPrinter
{
    public static void Print(string stack, NetworkSettings settings, NetworkPlan plan, TextWriter output)
    {
        output.WriteLine(Invariant($"Network of {stack}: {plan.VirtualNetworkName} {plan.AddressSpace} ({plan.AddressSpace.Size} addresses, {plan.FreeAddresses} free)"));
        output.WriteLine();
        output.WriteLine(Invariant($"  {"subnet",-36} {"range",-18} {"size",5} {"needs",5}  holds"));
        foreach (var subnet in plan.Subnets)
        {
            output.WriteLine(Invariant($"  {subnet.Name,-36} {subnet.Prefix,-18} {subnet.Prefix.Size,5} {subnet.AddressesNeeded,5}  {subnet.Holds}; NSG {subnet.SecurityGroup.Name}{(subnet.NatEgress ? "; egress through the NAT gateway" : string.Empty)}"));
        }

        output.WriteLine(Invariant($"  {"free",-36} {string.Join(", ", plan.FreeRanges)}"));
        output.WriteLine();
        output.WriteLine(Invariant($"  pods (overlay)    {plan.Cluster.PodCidr,-18} room for {settings.PodCidr.Size / 256} nodes (one /24 each); not routed in the VNet"));
        output.WriteLine(Invariant($"  services          {plan.Cluster.ServiceCidr,-18} cluster DNS {plan.Cluster.DnsServiceIp}"));
        output.WriteLine($"  cluster network   Azure CNI {plan.Cluster.NetworkPluginMode}, dataplane {plan.Cluster.NetworkDataplane}, network policy {plan.Cluster.NetworkPolicy}, outbound {plan.Cluster.OutboundType}");
        output.WriteLine($"  egress            {(plan.NatGateway is { } nat ? $"NAT gateway {nat.Name}, static IP {nat.PublicIpName}{(nat.Zones.Count > 0 ? $" (zones {string.Join(",", nat.Zones)})" : string.Empty)}" : "the cluster's load balancer (no NAT gateway)")}");
        var authorized = plan.Cluster.AuthorizeNatEgress ? plan.Cluster.AuthorizedRanges.Prepend("the NAT egress IP").ToList() : plan.Cluster.AuthorizedRanges.ToList();
        output.WriteLine($"  API server        {(authorized.Count == 0 ? "public, no authorized ranges" : "public endpoint limited to " + string.Join(", ", authorized))}");
        output.WriteLine($"  PostgreSQL        {Describe(plan.Postgres)} (pinned for {stack}: Azure cannot switch an existing server)");
        output.WriteLine($"  data services     {(plan.PublicAllowlist.Count > 0 ? "public, allowlist " + string.Join(", ", plan.PublicAllowlist) : "no public access; private endpoints only")}");
        if (plan.PrivateEndpoints.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  private endpoints (endpoint subnet; each name resolves inside the VNet through its zone)");
            foreach (var endpoint in plan.PrivateEndpoints)
            {
                output.WriteLine($"    {endpoint.Key,-16} {endpoint.HostName,-48} {endpoint.GroupId,-17} zone {endpoint.ZoneName}");
            }
        }

        output.WriteLine();
        output.WriteLine("  NSG rules (deny inbound by default)");
        foreach (var group in plan.Subnets.Select(s => s.SecurityGroup))
        {
            output.WriteLine($"    {group.Name}");
            foreach (var rule in group.Rules.OrderBy(r => r.Priority))
            {
                output.WriteLine(Invariant($"      {rule.Priority,4} {rule.Access.ToString().ToLowerInvariant(),-5} {rule.Direction.ToString().ToLowerInvariant(),-8} {rule.Protocol,-3} {rule.Source} -> {rule.Destination} ports {string.Join(",", rule.DestinationPorts)}: {rule.Description}"));
            }
        }
    }

    private static string Describe(PostgresConnectivity mode) => mode switch
    {
        PostgresConnectivity.PrivateEndpoint => "public access disabled, private endpoint",
        PostgresConnectivity.VnetIntegration => "VNet integration (delegated subnet)",
        _ => "public endpoint behind the allowlist",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
