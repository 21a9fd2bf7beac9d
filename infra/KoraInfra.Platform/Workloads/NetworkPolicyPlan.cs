namespace KoraInfra.Platform.Workloads;

/// <summary>Who is on the other side of a rule: pods (in a namespace) or an address range.</summary>
/// <param name="NamespaceLabels">Labels of the peer's namespace; null for the policy's own namespace.</param>
/// <param name="PodLabels">Labels of the peer pods; null for every pod of the namespace.</param>
/// <param name="Cidr">An address range instead of pods; null for pods.</param>
/// <param name="Except">Ranges carved out of <paramref name="Cidr"/>.</param>
public sealed record TrafficPeer(
    IReadOnlyDictionary<string, string>? NamespaceLabels,
    IReadOnlyDictionary<string, string>? PodLabels,
    string? Cidr = null,
    IReadOnlyList<string>? Except = null)
{
    /// <summary>Every pod of a namespace, by its name.</summary>
    public static TrafficPeer Namespace(string name) =>
        new(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = name }, null);

    /// <summary>Pods of a namespace, by namespace name and pod labels.</summary>
    public static TrafficPeer PodsIn(string namespaceName, IReadOnlyDictionary<string, string> podLabels) =>
        new(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = namespaceName }, podLabels);

    /// <summary>Pods of the policy's own namespace.</summary>
    public static TrafficPeer Pods(IReadOnlyDictionary<string, string> podLabels) => new(null, podLabels);
}

/// <summary>A port a rule admits.</summary>
/// <param name="Port">The port number.</param>
/// <param name="Protocol"><c>TCP</c> or <c>UDP</c>.</param>
public sealed record TrafficPort(int Port, string Protocol = "TCP");

/// <summary>One allow rule: these peers, these ports. No peers means any peer.</summary>
/// <param name="Peers">Who; empty for anyone.</param>
/// <param name="Ports">Which ports.</param>
/// <param name="Purpose">Why the rule exists, for reviewers.</param>
public sealed record TrafficRule(IReadOnlyList<TrafficPeer> Peers, IReadOnlyList<TrafficPort> Ports, string Purpose);

/// <summary>A NetworkPolicy: the selected pods may only send and receive what the rules allow.</summary>
/// <param name="Name">The policy's name.</param>
/// <param name="PodSelector">The pods it governs.</param>
/// <param name="Ingress">Allowed incoming traffic; null when the policy does not govern ingress.</param>
/// <param name="Egress">Allowed outgoing traffic; null when the policy does not govern egress.</param>
public sealed record NetworkPolicyPlan(
    string Name,
    IReadOnlyDictionary<string, string> PodSelector,
    IReadOnlyList<TrafficRule>? Ingress,
    IReadOnlyList<TrafficRule>? Egress)
{
    /// <summary>The policy types: a governed direction with no rule denies everything.</summary>
    public IReadOnlyList<string> PolicyTypes =>
        [.. Ingress is null ? Array.Empty<string>() : ["Ingress"], .. Egress is null ? Array.Empty<string>() : ["Egress"]];
}
