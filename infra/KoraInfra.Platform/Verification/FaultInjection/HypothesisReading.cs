namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>One hypothesis read at one instant.</summary>
/// <param name="Hypothesis">What was read.</param>
/// <param name="At">When (the query's evaluation time).</param>
/// <param name="Value">The worst tenant's value; null when Prometheus had no series.</param>
public sealed record HypothesisReading(SteadyStateHypothesis Hypothesis, DateTimeOffset At, double? Value)
{
    /// <summary>Whether the reading holds its hypothesis.</summary>
    public bool Holds => Hypothesis.HoldsFor(Value);

    /// <summary>The value as text, for reasons.</summary>
    public string Shown => Value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "no series";
}
