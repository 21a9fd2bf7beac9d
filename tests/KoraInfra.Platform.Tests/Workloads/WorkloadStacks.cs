using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

/// <summary>The committed stacks' workload plans, and dev on a developer's existing cluster.</summary>
internal static class WorkloadStacks
{
    public const string Namespace = "kora";

    public static TheoryData<string> All => new() { "dev", "staging", "prod" };

    public static StackSettings Settings(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();

    public static WorkloadsPlan Plan(string stack) => WorkloadsPlan.For(Settings(stack), Namespace);

    public static StackSettings DevOnExistingCluster()
    {
        var text = File.ReadAllText(Repository.StackFile("dev"))
            .Replace("    mode: managed\n    kubernetesVersion: \"1.31\"\n    nodeCount: 1\n    maxNodeCount: 3\n", "    mode: existing\n    context: kind-kora\n", StringComparison.Ordinal)
            + "  kora-infra:kubeconfig:\n    secure: v1:AAAAciphertext\n";
        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Settings!;
    }

    public static IReadOnlyDictionary<string, N8nVariable> Variables(N8nProcessPlan process) =>
        process.Environment.ToDictionary(v => v.Name, StringComparer.Ordinal);
}
