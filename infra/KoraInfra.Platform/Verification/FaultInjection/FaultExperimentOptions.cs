namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>What the person or the pipeline chooses for one run.</summary>
/// <param name="Duration">How long the fault lasts (bounded by <see cref="FaultExperiments.MaximumDuration"/>).</param>
/// <param name="RunId">A short tag unique to the run (the start time), so resource names never collide.</param>
/// <param name="SubscriptionId">The Azure subscription, for the PostgreSQL failover; null otherwise.</param>
public sealed record FaultExperimentOptions(TimeSpan Duration, string RunId, string? SubscriptionId = null);
