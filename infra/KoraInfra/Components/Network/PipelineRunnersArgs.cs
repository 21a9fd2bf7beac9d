using KoraInfra.Platform.Network;

namespace KoraInfra.Components.Network;

/// <summary>What <see cref="PipelineRunners"/> needs: the runner plan and the cluster's provider.</summary>
public sealed class PipelineRunnersArgs
{
    /// <summary>The environment's runners.</summary>
    public required PipelineRunnerPlan Plan { get; init; }

    /// <summary>The explicit provider of the environment's cluster.</summary>
    public required Pulumi.Kubernetes.Provider Provider { get; init; }
}
