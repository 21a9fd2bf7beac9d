namespace KoraInfra.Platform.Verification;

/// <summary>One number a check measured, with the limit it was judged against when there is one.</summary>
/// <param name="Name">What was measured (<c>rto</c>, <c>rpo</c>, <c>http_req_duration_p95</c>, …).</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">Its unit (<c>s</c>, <c>ms</c>, <c>ratio</c>, <c>count</c>).</param>
/// <param name="Maximum">The largest value the check accepts, when it judges this number.</param>
public sealed record Measurement(string Name, double Value, string Unit, double? Maximum = null)
{
    /// <summary>Whether the value is within its limit (always, when it has none).</summary>
    public bool WithinLimit => Maximum is not { } max || Value <= max;
}
