namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// Starts a Chaos Mesh experiment with <c>kubectl apply -f -</c> and ends it with <c>kubectl delete
/// -f - --ignore-not-found</c> (deleting the resource is how Chaos Mesh recovers the fault), in the
/// kubeconfig context given (the staging cluster's).
/// </summary>
public sealed class KubectlFaultInjector : IFaultInjector
{
    /// <summary>Where to get kubectl, for the message when it is missing.</summary>
    public const string Install = "install the Debian package 'kubernetes-client' (apt-get install kubernetes-client) or kubectl from https://kubernetes.io/docs/tasks/tools/, or pass --kubectl PATH";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _kubectl;
    private readonly string? _context;

    /// <summary>Drives <paramref name="kubectl"/> (a name on PATH or a path) in <paramref name="context"/> (null: the current context).</summary>
    public KubectlFaultInjector(string kubectl, string? context)
    {
        ArgumentException.ThrowIfNullOrEmpty(kubectl);
        _kubectl = kubectl;
        _context = context;
    }

    /// <inheritdoc/>
    public string Name => "chaos-mesh";

    /// <inheritdoc/>
    public async Task CheckAvailableAsync(CancellationToken cancellationToken)
    {
        var (code, output) = await ToolProcess.RunAsync(_kubectl, Install, ["version", "--client"], null, Timeout, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FaultInjectorException($"'{_kubectl} version --client' failed (exit {code}): {output}; {Install}");
        }
    }

    /// <inheritdoc/>
    public async Task StartAsync(FaultExperiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var yaml = Resource(experiment).ToYaml();
        var (code, output) = await ToolProcess.RunAsync(_kubectl, Install, [.. Context, "apply", "-f", "-"], yaml, Timeout, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FaultInjectorException($"kubectl apply of {Describe(experiment)} failed (exit {code}): {output}");
        }
    }

    /// <inheritdoc/>
    public async Task StopAsync(FaultExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var yaml = Resource(experiment).ToYaml();
        var (code, output) = await ToolProcess.RunAsync(_kubectl, Install, [.. Context, "delete", "--ignore-not-found", "-f", "-"], yaml, Timeout, CancellationToken.None).ConfigureAwait(false);
        if (code != 0)
        {
            throw new FaultInjectorException($"kubectl delete of {Describe(experiment)} failed (exit {code}): {output}; delete it by hand: kubectl delete {experiment.Chaos!.Kind.ToLowerInvariant()} -n {experiment.Chaos.Namespace} {experiment.Chaos.Name}");
        }
    }

    private string[] Context => _context is null ? [] : ["--context", _context];

    private static ChaosMeshResource Resource(FaultExperiment experiment) =>
        experiment.Chaos ?? throw new ArgumentException($"{experiment.Name} is not a Chaos Mesh experiment", nameof(experiment));

    private static string Describe(FaultExperiment experiment) => $"{experiment.Chaos!.Kind} {experiment.Chaos.Namespace}/{experiment.Chaos.Name}";
}
