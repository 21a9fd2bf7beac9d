using KoraInfra.Platform.Workloads;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;

namespace KoraInfra.Components.Workloads;

/// <summary>Platform's workload records as Kubernetes inputs: translation only, no decision.</summary>
internal static class KubernetesTranslation
{
    public static Dictionary<string, string> Map(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    public static ObjectMetaArgs Metadata(string name, Output<string> workloadNamespace, IReadOnlyDictionary<string, string> labels) => new()
    {
        Name = name,
        Namespace = workloadNamespace,
        Labels = Map(labels),
    };

    public static LabelSelectorArgs Selector(IReadOnlyDictionary<string, string> labels) => new() { MatchLabels = Map(labels) };

    public static ProbeArgs Probe(HttpProbe probe) => new()
    {
        HttpGet = new HTTPGetActionArgs { Path = probe.Path, Port = probe.Port, Scheme = "HTTP" },
        PeriodSeconds = probe.PeriodSeconds,
        TimeoutSeconds = probe.TimeoutSeconds,
        FailureThreshold = probe.FailureThreshold,
    };

    public static ResourceRequirementsArgs Resources(ResourceSizing sizing) => new()
    {
        Requests = Map(sizing.Requests),
        Limits = Map(sizing.Limits),
    };

    public static SecurityContextArgs ContainerSecurity(int runAsUser, int runAsGroup, bool readOnlyRootFilesystem) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = runAsUser,
        RunAsGroup = runAsGroup,
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = readOnlyRootFilesystem,
        Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
    };

    public static PodSecurityContextArgs PodSecurityContext(int runAsUser, int runAsGroup, int fsGroup) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = runAsUser,
        RunAsGroup = runAsGroup,
        FsGroup = fsGroup,
        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
    };

    public static NetworkPolicySpecArgs NetworkPolicy(NetworkPolicyPlan plan)
    {
        var spec = new NetworkPolicySpecArgs
        {
            PodSelector = Selector(plan.PodSelector),
            PolicyTypes = plan.PolicyTypes.ToList(),
        };
        foreach (var rule in plan.Ingress ?? [])
        {
            spec.Ingress.Add(new NetworkPolicyIngressRuleArgs { From = rule.Peers.Select(Peer).ToList(), Ports = rule.Ports.Select(Port).ToList() });
        }

        foreach (var rule in plan.Egress ?? [])
        {
            spec.Egress.Add(new NetworkPolicyEgressRuleArgs { To = rule.Peers.Select(Peer).ToList(), Ports = rule.Ports.Select(Port).ToList() });
        }

        return spec;
    }

    private static NetworkPolicyPeerArgs Peer(TrafficPeer peer)
    {
        var args = new NetworkPolicyPeerArgs();
        if (peer.Cidr is { } cidr)
        {
            args.IpBlock = new IPBlockArgs { Cidr = cidr, Except = (peer.Except ?? []).ToList() };
            return args;
        }

        if (peer.NamespaceLabels is { } namespaceLabels)
        {
            args.NamespaceSelector = Selector(namespaceLabels);
        }

        if (peer.PodLabels is { } podLabels)
        {
            args.PodSelector = Selector(podLabels);
        }

        return args;
    }

    private static NetworkPolicyPortArgs Port(TrafficPort port) => new() { Port = port.Port, Protocol = port.Protocol };
}
