using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class N8nNetworkPolicyTests
{
    public static TheoryData<string> Stacks => WorkloadStacks.All;

    private static NetworkPolicyPlan Policy(WorkloadsPlan plan, string name) => Assert.Single(plan.N8n.NetworkPolicies, p => p.Name == name);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Everything_of_n8n_starts_denied_both_ways(string stack)
    {
        var deny = Policy(WorkloadStacks.Plan(stack), "n8n-default-deny");

        Assert.Equal(N8nPlan.WorkloadSelector, deny.PodSelector);
        Assert.Equal(["Ingress", "Egress"], deny.PolicyTypes);
        Assert.Empty(deny.Ingress!);
        Assert.Empty(deny.Egress!);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Main_admits_the_ingress_controller_and_prometheus_and_workers_only_prometheus(string stack)
    {
        var plan = WorkloadStacks.Plan(stack);
        var controller = plan.N8n.Routing.Controller.Namespace;

        var main = Policy(plan, "n8n-main");
        Assert.Equal(["Ingress"], main.PolicyTypes);
        Assert.Equal(
            [controller, N8nNetworkPolicies.MonitoringNamespace],
            main.Ingress!.SelectMany(r => r.Peers).Select(p => p.NamespaceLabels!["kubernetes.io/metadata.name"]));
        Assert.All(main.Ingress!, r => Assert.Equal([new TrafficPort(5678)], r.Ports));

        var worker = Policy(plan, "n8n-worker");
        var rule = Assert.Single(worker.Ingress!);
        Assert.Equal(N8nNetworkPolicies.MonitoringNamespace, Assert.Single(rule.Peers).NamespaceLabels!["kubernetes.io/metadata.name"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void N8n_reaches_only_dns_postgres_the_redis_tls_port_and_public_https(string stack)
    {
        var egress = Policy(WorkloadStacks.Plan(stack), "n8n-egress");

        Assert.Equal(["Egress"], egress.PolicyTypes);
        var ports = egress.Egress!.SelectMany(r => r.Ports).ToList();
        Assert.Equal([new TrafficPort(53, "UDP"), new TrafficPort(53, "TCP"), new TrafficPort(5432), new TrafficPort(6380), new TrafficPort(443)], ports);
        var https = Assert.Single(egress.Egress!, r => r.Ports.Contains(new TrafficPort(443)));
        var peer = Assert.Single(https.Peers);
        Assert.Equal("0.0.0.0/0", peer.Cidr);
        Assert.Contains("169.254.0.0/16", peer.Except!);
        Assert.Contains("10.0.0.0/8", peer.Except!);
    }

    [Fact]
    public void Webhook_processors_admit_the_ingress_controller_where_they_exist()
    {
        var plan = WorkloadStacks.Plan("staging");

        var webhook = Policy(plan, "n8n-webhook");
        Assert.Equal(plan.N8n.Webhook!.SelectorLabels, webhook.PodSelector);
        Assert.Contains(webhook.Ingress!, r => r.Peers.Any(p => p.NamespaceLabels!["kubernetes.io/metadata.name"] == "app-routing-system"));
        Assert.DoesNotContain(WorkloadStacks.Plan("dev").N8n.NetworkPolicies, p => p.Name == "n8n-webhook");
    }

    [Fact]
    public void The_in_cluster_redis_admits_only_n8n_and_n8n_reaches_it_by_pod()
    {
        var plan = WorkloadsPlan.For(WorkloadStacks.DevOnExistingCluster(), WorkloadStacks.Namespace);

        var redis = Policy(plan, "n8n-redis");
        var rule = Assert.Single(redis.Ingress!);
        Assert.Equal(N8nPlan.AppSelector, Assert.Single(rule.Peers).PodLabels);
        Assert.Equal([new TrafficPort(6379)], rule.Ports);
        var egress = Policy(plan, "n8n-egress");
        Assert.Contains(egress.Egress!, r => r.Ports.Contains(new TrafficPort(6379)) && r.Peers.Single().PodLabels!["app.kubernetes.io/name"] == "n8n-redis");
        Assert.DoesNotContain(egress.Egress!, r => r.Ports.Contains(new TrafficPort(6380)));
        Assert.Equal("ingress-nginx", plan.N8n.Routing.Controller.Namespace);
    }
}
