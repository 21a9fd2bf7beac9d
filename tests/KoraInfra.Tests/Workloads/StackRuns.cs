using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Workloads;

internal static class StackRuns
{
    /// <summary>Dev on a developer's existing cluster, with a kubeconfig given as a secret setting.</summary>
    public static Task<StackRun> DevOnExistingClusterAsync() => StackRun.RunAsync("dev", config => config
        .With("kora-infra:cluster", "{\"mode\":\"existing\",\"context\":\"kind-kora\"}")
        .With("kora-infra:kubeconfig", "apiVersion: v1\nkind: Config\n") with
    { SecretKeysJson = "[\"kora-infra:kubeconfig\"]" });
}
