namespace KoraInfra.OfflinePlan;

/// <summary>
/// One value inside a resource's inputs as the program passed them, after the run: where it
/// sits, whether it became known, and whether it reaches the engine marked secret (itself or
/// through an enclosing value). The mock monitor's own view drops unknown values and unwraps
/// secrets, so this is what proves neither went wrong.
/// </summary>
/// <param name="Path">The input's path in engine names: <c>properties.value</c>, <c>stringData.KEY</c>, <c>logs[0].category</c>.</param>
/// <param name="IsKnown">False when the value stayed unknown (it never reached the mock monitor).</param>
/// <param name="IsSecret">True when it, or a value enclosing it, is marked secret.</param>
/// <param name="Value">The plain value of a leaf (text, number, flag, enum); null for an unknown value.</param>
public sealed record RecordedInput(string Path, bool IsKnown, bool IsSecret, object? Value)
{
    /// <summary>The value as text, when it is text.</summary>
    public string? Text => Value as string;
}
