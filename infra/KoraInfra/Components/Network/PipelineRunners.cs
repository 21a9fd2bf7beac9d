using KoraInfra.Platform.Network;
using Pulumi;
using HelmRelease = Pulumi.Kubernetes.Helm.V3.Release;
using HelmReleaseArgs = Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs;

namespace KoraInfra.Components.Network;

/// <summary>
/// The pipeline's way into a private environment: Actions Runner Controller and one runner scale
/// set on the environment's cluster, so staging and prod jobs run where the private endpoints
/// and the API server are reachable (docs/network.md).
/// </summary>
public sealed class PipelineRunners : ComponentResource
{
    /// <summary>Declares the controller and the scale set.</summary>
    public PipelineRunners(string name, PipelineRunnersArgs args, ComponentResourceOptions? options = null)
        : base("kora:network:PipelineRunners", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;

        var controller = new HelmRelease("runner-controller", new HelmReleaseArgs
        {
            Name = "arc",
            Chart = PipelineRunnerPlan.ControllerChart,
            Version = PipelineRunnerPlan.ChartVersion,
            Namespace = plan.ControllerNamespace,
            CreateNamespace = true,
            Atomic = true,
        }, new CustomResourceOptions { Parent = this, Provider = args.Provider });

        _ = new HelmRelease("runner-scale-set", new HelmReleaseArgs
        {
            Name = plan.ScaleSetName,
            Chart = PipelineRunnerPlan.ScaleSetChart,
            Version = PipelineRunnerPlan.ChartVersion,
            Namespace = plan.RunnerNamespace,
            CreateNamespace = true,
            Atomic = true,
            Values =
            {
                ["githubConfigUrl"] = PipelineRunnerPlan.RepositoryUrl,
                ["githubConfigSecret"] = plan.GitHubConfigSecretName,
                ["runnerScaleSetName"] = plan.ScaleSetName,
                ["minRunners"] = plan.MinRunners,
                ["maxRunners"] = plan.MaxRunners,
                ["controllerServiceAccount"] = new Dictionary<string, object>
                {
                    ["namespace"] = plan.ControllerNamespace,
                    ["name"] = "arc-gha-rs-controller",
                },
            },
        }, new CustomResourceOptions { Parent = this, Provider = args.Provider, DependsOn = { controller } });

        ScaleSetName = Output.Create(plan.ScaleSetName);
        RegisterOutputs(new Dictionary<string, object?> { ["scaleSetName"] = ScaleSetName });
    }

    /// <summary>The scale set name: the workflows' <c>runs-on</c>.</summary>
    public Output<string> ScaleSetName { get; }
}
