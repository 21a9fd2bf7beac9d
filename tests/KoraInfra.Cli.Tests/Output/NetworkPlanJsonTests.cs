using System.Text.Json;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Output;

public sealed class NetworkPlanJsonTests
{
    [Fact]
    public void Prod_reports_subnets_endpoints_rules_and_egress()
    {
        var run = Kora.Run("network", "plan", "--stack", "prod", "--json", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.True(json.GetProperty("valid").GetBoolean());
        var network = json.GetProperty("network");
        Assert.Equal("vnet-kora-prod-brs", network.GetProperty("virtualNetwork").GetString());
        Assert.Equal("10.30.0.0/20", network.GetProperty("addressSpace").GetString());
        Assert.Equal(4096, network.GetProperty("addresses").GetInt64());
        Assert.Equal(4000, network.GetProperty("freeAddresses").GetInt64());
        Assert.Equal(["10.30.0.96/27", "10.30.0.128/25"], JsonDocumentOf.Strings(network.GetProperty("freeRanges")).Take(2));
        var nodes = network.GetProperty("subnets").EnumerateArray().Single(s => s.GetProperty("role").GetString() == "clusterNodes");
        Assert.Equal("snet-kora-prod-brs-aks-nodes", nodes.GetProperty("name").GetString());
        Assert.Equal("10.30.0.0/26", nodes.GetProperty("range").GetString());
        Assert.True(nodes.GetProperty("natEgress").GetBoolean());
        var deny = nodes.GetProperty("rules").EnumerateArray().Last();
        Assert.Equal(4096, deny.GetProperty("priority").GetInt32());
        Assert.Equal("deny", deny.GetProperty("access").GetString());
        Assert.Equal("inbound", deny.GetProperty("direction").GetString());
        Assert.Equal("privateEndpoint", network.GetProperty("postgres").GetString());
        Assert.Equal(JsonValueKind.Object, network.GetProperty("natGateway").ValueKind);
        var postgres = network.GetProperty("privateEndpoints").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "postgres");
        Assert.Equal("psql-kora-prod-brs.postgres.database.azure.com", postgres.GetProperty("hostName").GetString());
        Assert.Equal("privatelink.postgres.database.azure.com", postgres.GetProperty("zone").GetString());
    }

    [Fact]
    public void Dev_has_its_allowlist_no_endpoints_and_no_nat_gateway()
    {
        var run = Kora.Run("network", "plan", "--stack", "dev", "--json", "--project-dir", Repository.Root);

        var network = JsonDocumentOf.Parse(run).GetProperty("network");
        Assert.Equal(["203.0.113.0/24"], JsonDocumentOf.Strings(network.GetProperty("publicAllowlist")));
        Assert.Equal(0, network.GetProperty("privateEndpoints").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, network.GetProperty("natGateway").ValueKind);
    }

    [Fact]
    public void Overlapping_ranges_fail_with_the_problem_and_no_network()
    {
        var staging = File.ReadAllText(Repository.StackFile("staging")).Replace("addressSpace: 10.20.0.0/20", "addressSpace: 10.30.0.0/20", StringComparison.Ordinal);
        var project = Repository.ScratchProject(("Pulumi.staging.yaml", staging), ("Pulumi.prod.yaml", File.ReadAllText(Repository.StackFile("prod"))));

        var run = Kora.Run("network", "plan", "--stack", "staging", "--json", "--project-dir", project);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var json = JsonDocumentOf.Parse(run);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("network").ValueKind);
        Assert.Contains(json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("file").GetString() == "Pulumi.staging.yaml" && p.GetProperty("key").GetString()!.Contains("addressSpace", StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_terminal_the_plan_is_drawn_as_tables()
    {
        var run = Kora.OnTerminal("network", "plan", "--stack", "prod", "--project-dir", Repository.Root);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("╭", run.Output, StringComparison.Ordinal);
        Assert.Contains("snet-kora-prod-brs-aks-nodes", run.Output, StringComparison.Ordinal);
        Assert.Contains("NSG rules", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("4096 deny  inbound", run.Output, StringComparison.Ordinal);
    }
}
