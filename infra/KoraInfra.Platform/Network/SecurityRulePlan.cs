namespace KoraInfra.Platform.Network;

/// <summary>Which way a rule filters.</summary>
public enum RuleDirection
{
    /// <summary>Traffic entering the subnet.</summary>
    Inbound,

    /// <summary>Traffic leaving the subnet.</summary>
    Outbound,
}

/// <summary>What a rule does with matching traffic.</summary>
public enum RuleAccess
{
    /// <summary>Let it through.</summary>
    Allow,

    /// <summary>Drop it.</summary>
    Deny,
}

/// <summary>One network security rule, as data: Azure evaluates rules by ascending priority and stops at the first match.</summary>
/// <param name="Name">The rule name.</param>
/// <param name="Priority">100-4096; lower wins.</param>
/// <param name="Direction">Inbound or outbound.</param>
/// <param name="Access">Allow or deny.</param>
/// <param name="Protocol"><c>Tcp</c>, <c>Udp</c> or <c>*</c>.</param>
/// <param name="Source">A prefix, a service tag (<c>VirtualNetwork</c>, <c>AzureLoadBalancer</c>, <c>Internet</c>) or <c>*</c>.</param>
/// <param name="Destination">A prefix, a service tag or <c>*</c>.</param>
/// <param name="DestinationPorts">Ports or ranges (<c>443</c>, <c>*</c>).</param>
/// <param name="Description">Why the rule exists.</param>
public sealed record SecurityRulePlan(
    string Name,
    int Priority,
    RuleDirection Direction,
    RuleAccess Access,
    string Protocol,
    string Source,
    string Destination,
    IReadOnlyList<string> DestinationPorts,
    string Description)
{
    /// <summary>Every source port: filtering is by destination.</summary>
    public string SourcePorts { get; init; } = "*";
}

/// <summary>A subnet's network security group: its rules, the last one always denying every other inbound flow.</summary>
/// <param name="Name">The NSG name.</param>
/// <param name="Rules">The rules, by priority.</param>
public sealed record NetworkSecurityGroupPlan(string Name, IReadOnlyList<SecurityRulePlan> Rules);
