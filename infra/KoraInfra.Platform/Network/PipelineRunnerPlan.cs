using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Network;

/// <summary>
/// Where the pipeline's staging and prod jobs run: a GitHub Actions runner scale set (Actions
/// Runner Controller) on the environment's own cluster. Its pods sit behind the node subnet, so
/// they resolve and reach the private endpoints, and they leave through the NAT gateway, whose
/// address is the one the API server authorizes. Hosted runners reach neither.
/// </summary>
/// <param name="ScaleSetName">The scale set, and the <c>runs-on</c> label the workflows use.</param>
/// <param name="ControllerNamespace">Where the controller runs.</param>
/// <param name="RunnerNamespace">Where the runner pods run (apart from the workloads).</param>
/// <param name="GitHubConfigSecretName">
/// The Kubernetes Secret with the GitHub App credentials the scale set registers with; created
/// from the vault by the bootstrap runbook (docs/network.md), never held in Pulumi state.
/// </param>
/// <param name="MinRunners">Runners kept warm.</param>
/// <param name="MaxRunners">Runners at most (deploys of one stack are serialized anyway).</param>
public sealed record PipelineRunnerPlan(
    string ScaleSetName,
    string ControllerNamespace,
    string RunnerNamespace,
    string GitHubConfigSecretName,
    int MinRunners,
    int MaxRunners)
{
    /// <summary>The repository whose workflows the runners serve.</summary>
    public const string RepositoryUrl = "https://github.com/koraos/kora-infra";

    /// <summary>The Actions Runner Controller charts (OCI), pinned.</summary>
    public const string ControllerChart = "oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller";

    /// <summary>The runner scale set chart (OCI), pinned with the controller.</summary>
    public const string ScaleSetChart = "oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set";

    /// <summary>The chart version of both (they must match).</summary>
    public const string ChartVersion = "0.10.1";

    /// <summary>The runs-on label of an environment's jobs: its scale set, or a hosted runner for dev.</summary>
    public static string RunsOn(EnvironmentProfile profile) => For(profile)?.ScaleSetName ?? "ubuntu-24.04";

    /// <summary>The runners of an environment; null for dev, whose planes are public and which deploys from hosted runners.</summary>
    public static PipelineRunnerPlan? For(EnvironmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.AllowsPublicNetworkAccess
            ? null
            : new PipelineRunnerPlan(
                ScaleSetName: $"kora-{profile.StackName}",
                ControllerNamespace: "arc-systems",
                RunnerNamespace: "arc-runners",
                GitHubConfigSecretName: "kora-runner-github-app",
                MinRunners: 1,
                MaxRunners: 3);
    }
}
