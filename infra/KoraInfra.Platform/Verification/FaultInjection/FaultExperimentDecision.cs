namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>An experiment decided for a stack, or why the stack cannot run it.</summary>
/// <param name="Experiment">The experiment, when it can run.</param>
/// <param name="Refusal">Why not, when it cannot: what is missing and what would be right.</param>
public sealed record FaultExperimentDecision(FaultExperiment? Experiment, string? Refusal);
