using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-073: no subnet without a network security group.</summary>
public sealed class SubnetsHaveSecurityGroups : PolicyRule
{
    // Azure refuses an NSG on these subnets; they are protected by their own service.
    private static readonly HashSet<string> Exempt = new(StringComparer.OrdinalIgnoreCase) { "GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet" };

    /// <inheritdoc />
    public override string Id => "KORA-073";

    /// <inheritdoc />
    public override string Title => "Every subnet has a network security group";

    /// <inheritdoc />
    public override string Rationale => "A subnet without an NSG admits whatever Azure's defaults allow; deny-by-default must hold on every subnet, including the ones added later.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV2_AZURE_31"];

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var subnet in context.Stack.OfType(TypeTokens.Subnet))
        {
            var name = subnet.Text("subnetName") ?? subnet.Text("name") ?? subnet.Name;
            if (!Exempt.Contains(name) && !Json.IsObject(subnet.Property("networkSecurityGroup")))
            {
                yield return new Finding(subnet.Urn, $"subnet '{name}' has no networkSecurityGroup; associate the subnet's NSG");
            }
        }

        foreach (var network in context.Stack.OfType(TypeTokens.VirtualNetwork))
        {
            foreach (var inline in Json.Items(network.Property("subnets")))
            {
                if (!Json.IsObject(inline))
                {
                    continue;
                }

                var name = Json.Text(Json.Get(inline, "name")) ?? "(unnamed)";
                if (!Exempt.Contains(name) && !Json.IsObject(Json.Get(inline, "networkSecurityGroup")))
                {
                    yield return new Finding(network.Urn, $"inline subnet '{name}' has no networkSecurityGroup; associate the subnet's NSG");
                }
            }
        }
    }
}
