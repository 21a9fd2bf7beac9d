namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// Starts and ends a fault: <see cref="KubectlFaultInjector"/> applies and deletes the Chaos Mesh
/// resource, <see cref="AzureFailoverInjector"/> sends the failover request. Tests hand in their own.
/// </summary>
public interface IFaultInjector
{
    /// <summary>What the record calls it (<c>chaos-mesh</c>, <c>azure</c>).</summary>
    string Name { get; }

    /// <summary>Refuses early, before anything is measured or started, when the tool it drives is missing.</summary>
    Task CheckAvailableAsync(CancellationToken cancellationToken);

    /// <summary>Starts the fault.</summary>
    Task StartAsync(FaultExperiment experiment, CancellationToken cancellationToken);

    /// <summary>Ends the fault; called always (pass, fail, cancel), and harmless when it already ended.</summary>
    Task StopAsync(FaultExperiment experiment);
}
