using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Foundation;

public sealed class FoundationPlanTests
{
    private static FoundationPlan Plan(string stack) => FoundationPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require());

    [Fact]
    public void Prod_spreads_its_nodes_over_three_zones_with_an_uptime_sla()
    {
        var cluster = Plan("prod").Cluster!;

        Assert.Equal(["1", "2", "3"], cluster.AvailabilityZones);
        Assert.Equal(ClusterSkuTier.Standard, cluster.SkuTier);
        Assert.Equal("Standard_D8s_v5", cluster.NodeVmSize);
        Assert.Equal(3, cluster.NodeCount);
    }

    [Fact]
    public void Dev_gets_the_smallest_cluster_without_zones()
    {
        var cluster = Plan("dev").Cluster!;

        Assert.Empty(cluster.AvailabilityZones);
        Assert.Equal(ClusterSkuTier.Free, cluster.SkuTier);
        Assert.Equal("Standard_D2s_v5", cluster.NodeVmSize);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_cluster_is_hardened_the_same_way(string stack)
    {
        var cluster = Plan(stack).Cluster!;

        Assert.True(cluster.DisableLocalAccounts);
        Assert.True(cluster.EntraRbac);
        Assert.True(cluster.WorkloadIdentity);
    }

    [Theory]
    [InlineData("dev", 30)]
    [InlineData("staging", 90)]
    [InlineData("prod", 365)]
    public void Log_retention_grows_towards_prod(string stack, int days) =>
        Assert.Equal(days, Plan(stack).LogWorkspace.RetentionInDays);

    [Fact]
    public void Names_come_from_the_convention()
    {
        var plan = Plan("staging");

        Assert.Equal("rg-kora-staging-brs", plan.ResourceGroupName);
        Assert.Equal("id-kora-staging-brs-platform", plan.PlatformIdentityName);
        Assert.Equal("log-kora-staging-brs", plan.LogWorkspace.Name);
        Assert.Equal("aks-kora-staging-brs", plan.Cluster!.Name);
        Assert.Equal("rg-kora-staging-brs-aks-nodes", plan.Cluster.NodeResourceGroup);
        Assert.Equal("k8s-staging", plan.Kubernetes.ProviderName);
        Assert.Equal("id-kora-staging-brs-aks", plan.Cluster.ControlPlaneIdentityName);
        Assert.NotEqual(plan.PlatformIdentityName, plan.Cluster.ControlPlaneIdentityName);
    }

    [Fact]
    public void An_existing_cluster_means_no_aks_and_a_provider_on_its_context()
    {
        var text = File.ReadAllText(Repository.StackFile("dev"))
            .Replace("    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 1\n    maxNodeCount: 3\n", "    mode: existing\n    context: kind-kora\n", StringComparison.Ordinal)
            + "  kora-infra:kubeconfig:\n    secure: v1:AAAAciphertext\n";
        var settings = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text)).Require();

        var plan = FoundationPlan.For(settings);

        Assert.Null(plan.Cluster);
        Assert.False(plan.Kubernetes.IsManaged);
        Assert.Equal("kind-kora", plan.Kubernetes.ExistingContext);
    }

    [Theory]
    [InlineData(SizingTier.Small, "Standard_D2s_v5")]
    [InlineData(SizingTier.Medium, "Standard_D4s_v5")]
    [InlineData(SizingTier.Large, "Standard_D8s_v5")]
    public void Tiers_map_to_node_sizes(SizingTier tier, string size) => Assert.Equal(size, FoundationPlan.NodeVmSize(tier));

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_workload_namespace_enforces_the_restricted_pod_security_standard(string stack)
    {
        var target = Plan(stack).Kubernetes;

        Assert.Equal("kora", target.WorkloadNamespace);
        Assert.Equal("restricted", target.NamespaceLabels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal(stack, target.NamespaceLabels["kora.io/environment"]);
    }
}
