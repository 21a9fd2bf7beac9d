using System.Globalization;

namespace KoraInfra.Platform.Verification.Load;

/// <summary>
/// What a k6 run against staging must sustain and stay within (seed 4.2: "carga/soak ...
/// aprovados"): an arrival rate for a duration, with a p95 latency and an error rate at most
/// their limits. Load and soak differ in duration only; the stack settings set both.
/// </summary>
/// <param name="RatePerSecond">Iterations started per second (k6 <c>constant-arrival-rate</c>).</param>
/// <param name="Duration">How long the rate is held.</param>
/// <param name="P95Milliseconds">The largest accepted 95th percentile of <c>http_req_duration</c>.</param>
/// <param name="ErrorRate">The largest accepted fraction of failed requests (<c>http_req_failed</c>).</param>
public sealed record LoadProfile(int RatePerSecond, TimeSpan Duration, int P95Milliseconds, double ErrorRate)
{
    /// <summary>
    /// The share of the requested rate a run must reach: k6 drops iterations when it runs out of
    /// virtual users, and a run that could not generate the load proves nothing about it.
    /// </summary>
    public const double MinimumRateShare = 0.95;

    /// <summary>How much shorter than <see cref="Duration"/> a run may report (k6's clock rounding), never more.</summary>
    public static readonly TimeSpan DurationTolerance = TimeSpan.FromSeconds(1);

    /// <summary>The variables the committed k6 script reads, so the thresholds in the run are the settings'.</summary>
    public IReadOnlyDictionary<string, string> ScriptEnvironment() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["KORA_RATE"] = RatePerSecond.ToString(CultureInfo.InvariantCulture),
        ["KORA_DURATION"] = ((int)Duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m",
        ["KORA_P95_MS"] = P95Milliseconds.ToString(CultureInfo.InvariantCulture),
        ["KORA_ERROR_RATE"] = ErrorRate.ToString(CultureInfo.InvariantCulture),
    };
}
