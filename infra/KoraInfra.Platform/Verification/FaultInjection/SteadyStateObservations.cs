namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>Everything a drill read: before the fault, sampled during it, and after it until recovery or the timeout.</summary>
/// <param name="Before">The readings that decided whether to start.</param>
/// <param name="During">Every sample taken while the fault lasted.</param>
/// <param name="After">Every sample taken after the fault ended, the last one deciding.</param>
/// <param name="FaultEnded">When the fault ended (the resource was deleted); null when it never started.</param>
/// <param name="RecoveryTimeout">How long after the fault the steady state had to return.</param>
/// <param name="Problems">What went wrong around the readings (the fault did not start, Prometheus was lost, the resource could not be deleted).</param>
public sealed record SteadyStateObservations(
    IReadOnlyList<HypothesisReading> Before,
    IReadOnlyList<HypothesisReading> During,
    IReadOnlyList<HypothesisReading> After,
    DateTimeOffset? FaultEnded,
    TimeSpan RecoveryTimeout,
    IReadOnlyList<string> Problems);
