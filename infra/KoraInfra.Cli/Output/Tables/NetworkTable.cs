using System.Globalization;
using KoraInfra.Cli.Output.Reports;
using Spectre.Console;

namespace KoraInfra.Cli.Output.Tables;

/// <summary><c>kora network plan</c> on a terminal: the subnets, the private endpoints and the NSG rules as tables.</summary>
internal static class NetworkTable
{
    public static void Render(NetworkPlanReport report, TextWriter output, TerminalOutput terminal)
    {
        var console = RichConsole.For(output, terminal);
        if (!report.Valid)
        {
            console.MarkupLine($"[red bold]FAIL[/]  {Markup.Escape(report.File)}: {report.Problems.Count} problem(s)");
            foreach (var problem in report.Problems)
            {
                console.MarkupLine($"  [red]{Markup.Escape(problem.Message)}[/]");
            }

            return;
        }

        if (report.Network is not { } network)
        {
            console.MarkupLine($"{Markup.Escape(report.Stack)}: no network: the stack runs on an existing cluster (kora-infra:cluster.mode existing) and declares no VNet; its address ranges are still checked.");
            return;
        }

        var subnets = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Network of {report.Stack}: {network.VirtualNetwork} {network.AddressSpace} ({network.Addresses} addresses, {network.FreeAddresses} free)"))
            .AddColumn(new TableColumn("subnet").NoWrap()).AddColumn(new TableColumn("range").NoWrap())
            .AddColumns("size", "needs", "holds");
        foreach (var subnet in network.Subnets)
        {
            var holds = $"{subnet.Holds}; NSG {subnet.SecurityGroup}{(subnet.NatEgress ? "; egress through the NAT gateway" : string.Empty)}";
            subnets.AddRow(Markup.Escape(subnet.Name), Markup.Escape(subnet.Range), Number(subnet.Size), Number(subnet.AddressesNeeded), Markup.Escape(holds));
        }

        // The free ranges can be many: they go where text wraps, not in the range column.
        subnets.AddRow("[dim]free[/]", string.Empty, Number(network.FreeAddresses), string.Empty, Markup.Escape(string.Join(", ", network.FreeRanges)));
        console.Write(subnets);
        console.MarkupLine(Markup.Escape($"pods (overlay) {network.PodCidr}; services {network.ServiceCidr}, cluster DNS {network.DnsServiceIp}; outbound {network.OutboundType}"));
        console.MarkupLine(Markup.Escape($"egress: {(network.NatGateway is { } nat ? $"NAT gateway {nat.Name}, static IP {nat.PublicIp}" : "the cluster's load balancer (no NAT gateway)")}; PostgreSQL: {network.Postgres}"));
        if (network.PrivateEndpoints.Count > 0)
        {
            var endpoints = new Table().Border(TableBorder.Rounded).Title("private endpoints")
                .AddColumn(new TableColumn("service").NoWrap()).AddColumns("host", "group", "zone");
            foreach (var endpoint in network.PrivateEndpoints)
            {
                endpoints.AddRow(Markup.Escape(endpoint.Key), Markup.Escape(endpoint.HostName), Markup.Escape(endpoint.GroupId), Markup.Escape(endpoint.Zone));
            }

            console.Write(endpoints);
        }

        foreach (var subnet in network.Subnets)
        {
            var rules = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"NSG rules of {subnet.SecurityGroup} (deny inbound by default)"))
                .AddColumns("priority", "access", "direction", "protocol", "source", "destination", "ports", "why");
            foreach (var rule in subnet.Rules)
            {
                rules.AddRow(
                    Number(rule.Priority),
                    rule.Access == "deny" ? "[red]deny[/]" : "[green]allow[/]",
                    Markup.Escape(rule.Direction),
                    Markup.Escape(rule.Protocol),
                    Markup.Escape(rule.Source),
                    Markup.Escape(rule.Destination),
                    Markup.Escape(string.Join(",", rule.Ports)),
                    Markup.Escape(rule.Description));
            }

            console.Write(rules);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
