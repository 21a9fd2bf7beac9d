namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// One fault, fully decided for a stack: what it does, for how long, and exactly one way of doing
/// it (a Chaos Mesh resource, or the Azure failover request).
/// </summary>
/// <param name="Kind">Which experiment.</param>
/// <param name="Proves">What a pass shows, for the record and the docs.</param>
/// <param name="Duration">How long the fault lasts (or, for a one-shot fault, how long the drill watches it).</param>
/// <param name="Chaos">The Chaos Mesh resource that injects it, for faults inside the cluster.</param>
/// <param name="Failover">The Azure request that injects it, for the PostgreSQL failover.</param>
public sealed record FaultExperiment(FaultExperimentKind Kind, string Proves, TimeSpan Duration, ChaosMeshResource? Chaos, PostgresFailoverRequest? Failover)
{
    /// <summary>The experiment's name.</summary>
    public string Name => FaultExperimentNames.Of(Kind);

    /// <summary>What injects the fault, as the record's driver names it.</summary>
    public string Driver => Chaos is null ? "azure" : "chaos-mesh";

    /// <summary>What a person reads on a dry run or in the record: the resource, or the request.</summary>
    public string Rendered => Chaos is { } chaos
        ? chaos.ToYaml()
        : $"POST https://management.azure.com{Failover!.ArmPath}\n{PostgresFailoverRequest.ArmBody.ToJsonString()}\n# or: az {string.Join(' ', Failover.AzCliArguments)}\n";
}
