using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-074 one condition at a time: a rule is a finding only when it is inbound, allows, comes
/// from the internet and covers a management port (22, 3389, 5985, 5986); each port range is
/// judged at its ends, and the finding names the rule, the sources and exactly the ports it opens.
/// </summary>
public sealed class ManagementPortRuleTests
{
    private const string Group = "azure-native:network:NetworkSecurityGroup";

    private static string[] Findings(string rule)
    {
        var stack = new CompliantPlatform("dev").Set(Group, "securityRules", JsonNode.Parse($"[ {rule} ]"));
        var evaluation = PolicyEngine.Evaluate(stack.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find("KORA-074")!]);
        Assert.Empty(evaluation.Errors);
        return evaluation.Violations.Select(v => v.Message).ToArray();
    }

    private static string Rule(string ports, string source = "\"sourceAddressPrefix\": \"Internet\"", string direction = "Inbound", string access = "Allow") =>
        $$"""{ "name": "r", "direction": "{{direction}}", "access": "{{access}}", {{source}}, {{ports}} }""";

    private static string Opens(string sources, string ports) =>
        $"rule 'r' allows the internet ({sources}) in on port(s) {ports}; limit the source to named private ranges or remove the rule";

    [Theory]
    [InlineData("\"destinationPortRange\": \"22\"", "22")]
    [InlineData("\"destinationPortRange\": \"*\"", "22, 3389, 5985, 5986")]
    [InlineData("\"destinationPortRange\": \" * \"", "22, 3389, 5985, 5986")]
    [InlineData("\"destinationPortRange\": \"3389-3389\"", "3389")]
    [InlineData("\"destinationPortRange\": \"3388-3389\"", "3389")]
    [InlineData("\"destinationPortRange\": \"3389-3390\"", "3389")]
    [InlineData("\"destinationPortRange\": \"5985 - 5986\"", "5985, 5986")]
    [InlineData("\"destinationPortRange\": \"1-65535\"", "22, 3389, 5985, 5986")]
    [InlineData("\"destinationPortRanges\": [ \"443\", \"22\", \"5986\" ]", "22, 5986")]
    [InlineData("\"destinationPortRange\": \"80\", \"destinationPortRanges\": [ \"5985\" ]", "5985")]
    public void Each_management_port_a_range_covers_is_named(string ports, string open)
    {
        Assert.Equal([Opens("Internet", open)], Findings(Rule(ports)));
    }

    [Theory]
    [InlineData("\"destinationPortRange\": \"23\"")]
    [InlineData("\"destinationPortRange\": \"21\"")]
    [InlineData("\"destinationPortRange\": \"3390-5984\"")]
    [InlineData("\"destinationPortRange\": \"5987-65535\"")]
    [InlineData("\"destinationPortRange\": \"23-3388\"")]
    [InlineData("\"destinationPortRange\": \"ssh\"")]
    [InlineData("\"destinationPortRange\": \"+22\"")]
    [InlineData("\"destinationPortRange\": \"22-x\"")]
    [InlineData("\"destinationPortRanges\": [ \"443\", 22 ]")]
    public void A_range_that_covers_no_management_port_is_no_finding(string ports)
    {
        Assert.Empty(Findings(Rule(ports)));
    }

    [Theory]
    [InlineData("\"sourceAddressPrefix\": \"*\"", "*")]
    [InlineData("\"sourceAddressPrefix\": \"internet\"", "internet")]
    [InlineData("\"sourceAddressPrefix\": \"Any\"", "Any")]
    [InlineData("\"sourceAddressPrefix\": \"0.0.0.0\"", "0.0.0.0")]
    [InlineData("\"sourceAddressPrefix\": \"0.0.0.0/0\"", "0.0.0.0/0")]
    [InlineData("\"sourceAddressPrefix\": \"::/0\"", "::/0")]
    [InlineData("\"sourceAddressPrefixes\": [ \"10.0.0.0/8\", \"Internet\" ]", "10.0.0.0/8, Internet")]
    [InlineData("\"sourceAddressPrefix\": \"10.0.0.0/8\", \"sourceAddressPrefixes\": [ \"*\" ]", "10.0.0.0/8, *")]
    public void Every_way_of_saying_the_internet_is_the_internet(string source, string named)
    {
        Assert.Equal([Opens(named, "22")], Findings(Rule("\"destinationPortRange\": \"22\"", source)));
    }

    [Theory]
    [InlineData("\"sourceAddressPrefix\": \"10.0.0.0/8\"")]
    [InlineData("\"sourceAddressPrefix\": \"VirtualNetwork\"")]
    [InlineData("\"sourceAddressPrefixes\": [ \"10.0.0.0/8\", \"192.168.0.0/16\" ]")]
    public void A_rule_from_named_ranges_alone_is_no_finding(string source)
    {
        Assert.Empty(Findings(Rule("\"destinationPortRange\": \"22\"", source)));
    }

    [Theory]
    [InlineData("Outbound", "Allow")]
    [InlineData("Inbound", "Deny")]
    [InlineData("Outbound", "Deny")]
    public void Only_an_inbound_allow_is_judged(string direction, string access)
    {
        Assert.Empty(Findings(Rule("\"destinationPortRange\": \"22\"", direction: direction, access: access)));
    }

    [Fact]
    public void Direction_and_access_are_read_in_any_case()
    {
        Assert.Equal([Opens("Internet", "22")], Findings(Rule("\"destinationPortRange\": \"22\"", direction: "inbound", access: "ALLOW")));
    }

    [Fact]
    public void A_rule_is_named_by_name_then_by_its_resource_name_then_as_unnamed()
    {
        var unnamed = """{ "direction": "Inbound", "access": "Allow", "sourceAddressPrefix": "*", "destinationPortRange": "22" }""";
        var byResourceName = """{ "securityRuleName": "admin", "direction": "Inbound", "access": "Allow", "sourceAddressPrefix": "*", "destinationPortRange": "22" }""";

        Assert.Equal(["rule '(unnamed)' allows the internet (*) in on port(s) 22; limit the source to named private ranges or remove the rule"], Findings(unnamed));
        Assert.Equal(["rule 'admin' allows the internet (*) in on port(s) 22; limit the source to named private ranges or remove the rule"], Findings(byResourceName));
    }

    [Fact]
    public void Each_open_rule_of_a_group_is_its_own_finding_on_the_group()
    {
        var stack = new CompliantPlatform("prod").Set(Group, "securityRules", JsonNode.Parse($"[ {Rule("\"destinationPortRange\": \"22\"")}, {Rule("\"destinationPortRange\": \"443\"")}, {Rule("\"destinationPortRange\": \"3389\"")} ]"));

        var violations = PolicyEngine.Evaluate(stack.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find("KORA-074")!]).Violations;

        Assert.Equal([Opens("Internet", "22"), Opens("Internet", "3389")], violations.Select(v => v.Message));
        Assert.All(violations, v => Assert.Equal("urn:pulumi:prod::kora-infra::azure-native:network:NetworkSecurityGroup::nsg-aks-nodes", v.ResourceUrn));
    }
}
