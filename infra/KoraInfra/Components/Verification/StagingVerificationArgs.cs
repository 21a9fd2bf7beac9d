using KoraInfra.Platform.Verification.Staging;
using Pulumi;

namespace KoraInfra.Components.Verification;

/// <summary>What <see cref="StagingVerification"/> needs: Platform's plan, the cluster, and the heartbeat's login.</summary>
public sealed class StagingVerificationArgs
{
    /// <summary>The staging checks' plan.</summary>
    public required StagingVerificationPlan Plan { get; init; }

    /// <summary>The committed k6 scripts by file name.</summary>
    public required IReadOnlyDictionary<string, string> Scripts { get; init; }

    /// <summary>The explicit provider of the environment's cluster.</summary>
    public required Pulumi.Kubernetes.Provider Provider { get; init; }

    /// <summary>The heartbeat writer's connection string (secret): the application login's current slot.</summary>
    public required Output<string> HeartbeatConnection { get; init; }

    /// <summary>What must exist before the heartbeat writer logs in (the login rotation).</summary>
    public required Resource Login { get; init; }
}
