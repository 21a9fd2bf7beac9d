using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class ExistingClusterTests
{
    private static string DevOnExistingCluster(string kubeconfig) => File.ReadAllText(Repository.StackFile("dev"))
        .Replace("    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 1\n    maxNodeCount: 3\n", "    mode: existing\n    context: kind-kora\n", StringComparison.Ordinal)
        + kubeconfig;

    [Fact]
    public void Dev_may_run_on_an_existing_cluster_whose_kubeconfig_is_a_secret()
    {
        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", DevOnExistingCluster("  kora-infra:kubeconfig:\n    secure: v1:AAAAciphertext\n")));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(ClusterMode.Existing, result.Settings!.Cluster.Mode);
        Assert.Equal("kind-kora", result.Settings.Cluster.Context);
        Assert.Null(result.Settings.Cluster.NodeCount);
    }

    [Fact]
    public void Managed_cluster_keys_are_unknown_for_an_existing_cluster()
    {
        var text = DevOnExistingCluster("  kora-infra:kubeconfig:\n    secure: v1:AAAAciphertext\n")
            .Replace("    context: kind-kora\n", "    context: kind-kora\n    nodeCount: 2\n", StringComparison.Ordinal);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text));

        Assert.Equal("kora-infra:cluster.nodeCount", Assert.Single(result.Problems).Key);
    }
}
