using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>A gate's verdict: every condition, met or not. It passes only when all are met.</summary>
/// <param name="Gate">The gate judged.</param>
/// <param name="Conditions">Each condition, in the seed's order.</param>
public sealed record GateReport(PromotionGate Gate, IReadOnlyList<GateCondition> Conditions)
{
    /// <summary>Whether every condition is met.</summary>
    public bool Passed => Conditions.All(c => c.Met);

    /// <summary>The conditions that are not met.</summary>
    public IReadOnlyList<GateCondition> Failures => Conditions.Where(c => !c.Met).ToList();
}
