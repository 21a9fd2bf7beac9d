using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// A stack's settings, validated and typed. Built only by <see cref="StackSettingsBinder"/>,
/// which reports every problem at once; holding one means every value was checked.
/// </summary>
public sealed record StackSettings
{
    /// <summary>The environment's facts (seed section 3).</summary>
    public required EnvironmentProfile Environment { get; init; }

    /// <summary>The Azure region every resource is placed in.</summary>
    public required AzureRegion Region { get; init; }

    /// <summary>The first segment after the abbreviation in every resource name.</summary>
    public required string NamingPrefix { get; init; }

    /// <summary>The tags every taggable resource carries.</summary>
    public required ResourceTags Tags { get; init; }

    /// <summary>The sizing tier Platform turns into SKUs.</summary>
    public required SizingTier SizingTier { get; init; }

    /// <summary>Where the workloads run.</summary>
    public required ClusterSettings Cluster { get; init; }

    /// <summary>Alert receivers along the escalation chain.</summary>
    public required IReadOnlyList<AlertReceiverSettings> AlertReceivers { get; init; }

    /// <summary>Monitoring thresholds the stack tunes, and where runbooks are published.</summary>
    public required MonitoringSettings Monitoring { get; init; }

    /// <summary>
    /// The signed release manifest this stack deploys (<c>kora-infra:release</c>), relative to the
    /// project directory; none in dev, and none in a committed file (<c>kora promote</c> sets it).
    /// </summary>
    public string? ReleaseManifestPath { get; init; }

    /// <summary>The n8n image and host.</summary>
    public required WorkloadsSettings Workloads { get; init; }

    /// <summary>Vault administrators, emergency rotations and compromised-credential reports.</summary>
    public required SecretsSettings Secrets { get; init; }

    /// <summary>Where the deploy audit log lives and how fresh approvals must be (<c>kora-infra:promotion</c>); none in dev.</summary>
    public PromotionSettings? Promotion { get; init; }
    /// <summary>The address plan and who may reach the public planes.</summary>
    public required NetworkSettings Network { get; init; }

    /// <summary>How the staging checks are judged (<c>kora-infra:verification</c>); only in staging.</summary>
    public VerificationSettings? Verification { get; init; }

    /// <summary>The resource names of this stack.</summary>
    public ResourceNamer Names => new(NamingPrefix, Environment.Name, Region);
}
