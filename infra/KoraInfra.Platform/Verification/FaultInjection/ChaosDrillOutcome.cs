namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>A drill's record, and whether Prometheus was lost on the way (the caller may retry the run).</summary>
/// <param name="Record">What the drill saw, unsigned.</param>
/// <param name="PrometheusLost">Whether a sample during or after the fault could not be read.</param>
public sealed record ChaosDrillOutcome(EvidenceRecord Record, bool PrometheusLost);
