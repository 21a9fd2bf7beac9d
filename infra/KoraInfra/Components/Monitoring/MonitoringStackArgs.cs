using KoraInfra.Platform.Monitoring;
using Pulumi;

namespace KoraInfra.Components.Monitoring;

/// <summary>What the monitoring stack is declared from.</summary>
public sealed class MonitoringStackArgs
{
    /// <summary>Platform's decisions: chart, rules, routes, scrape targets.</summary>
    public required MonitoringPlan Plan { get; init; }

    /// <summary>The cluster's explicit Kubernetes provider.</summary>
    public required Pulumi.Kubernetes.Provider Provider { get; init; }

    /// <summary>The client id of the workload identity Alertmanager reads the vault's webhook URLs as.</summary>
    public required Input<string> VaultReaderClientId { get; init; }

    /// <summary>The Entra tenant of the vault.</summary>
    public required Input<string> TenantId { get; init; }
}
