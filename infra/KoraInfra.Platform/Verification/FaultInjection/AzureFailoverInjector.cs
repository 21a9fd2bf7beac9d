namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// Sends the forced failover with the Azure CLI (<c>az postgres flexible-server restart --failover
/// Forced</c>), logged in as the pipeline's identity. A failover cannot be undone, so stopping it
/// does nothing: the standby is the primary from then on.
/// </summary>
public sealed class AzureFailoverInjector : IFaultInjector
{
    /// <summary>Where to get the Azure CLI, for the message when it is missing.</summary>
    public const string Install = "install the Azure CLI (Debian package 'azure-cli' from https://learn.microsoft.com/cli/azure/install-azure-cli-linux) and log in with 'az login'";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private readonly string _az;

    /// <summary>Drives <paramref name="az"/> (a name on PATH or a path).</summary>
    public AzureFailoverInjector(string az)
    {
        ArgumentException.ThrowIfNullOrEmpty(az);
        _az = az;
    }

    /// <inheritdoc/>
    public string Name => "azure";

    /// <inheritdoc/>
    public async Task CheckAvailableAsync(CancellationToken cancellationToken)
    {
        var (code, output) = await ToolProcess.RunAsync(_az, Install, ["version", "--output", "none"], null, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FaultInjectorException($"'{_az} version' failed (exit {code}): {output}; {Install}");
        }
    }

    /// <inheritdoc/>
    public async Task StartAsync(FaultExperiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var request = experiment.Failover ?? throw new ArgumentException($"{experiment.Name} is not a PostgreSQL failover", nameof(experiment));
        var (code, output) = await ToolProcess.RunAsync(_az, Install, request.AzCliArguments, null, Timeout, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FaultInjectorException($"the forced failover of {request.ServerId} failed (exit {code}): {output}");
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(FaultExperiment experiment) => Task.CompletedTask;
}
