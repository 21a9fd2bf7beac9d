using System.Globalization;

namespace KoraInfra.Platform.Verification.Load;

/// <summary>
/// Judges a k6 load or soak summary against the stack's <see cref="LoadProfile"/> and turns it
/// into a record: p95 and error rate within their limits, the requested rate actually generated,
/// for the whole duration. k6's own threshold verdicts are not trusted: the numbers are judged
/// here, against the settings, so a script edited to loosen a threshold changes nothing.
/// </summary>
public static class LoadJudgement
{
    /// <summary>The 95th percentile latency, in ms.</summary>
    public const string P95 = "http_req_duration_p95";

    /// <summary>The fraction of failed requests.</summary>
    public const string ErrorRate = "http_req_failed_rate";

    /// <summary>Iterations per second achieved.</summary>
    public const string Rate = "iterations_rate";

    /// <summary>How long the run lasted, in s.</summary>
    public const string Duration = "run_duration";

    /// <summary>The record of a run of <paramref name="kind"/> (load or soak).</summary>
    public static EvidenceRecord Judge(VerificationKind kind, K6Summary summary, LoadProfile profile, CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(run);
        if (kind is not (VerificationKind.Load or VerificationKind.Soak))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "a k6 load summary makes a 'load' or 'soak' record");
        }

        var measurements = new List<Measurement>
        {
            new(P95, Math.Round(summary.P95Milliseconds, 3), "ms", profile.P95Milliseconds),
            new(ErrorRate, Math.Round(summary.FailedRate, 6), "ratio", profile.ErrorRate),
            new(Rate, Math.Round(summary.IterationsRate, 3), "per-s"),
            new("http_reqs", summary.Requests, "count"),
        };
        var reasons = new List<string>();
        if (summary.P95Milliseconds > profile.P95Milliseconds)
        {
            reasons.Add(Text($"p95 of http_req_duration {summary.P95Milliseconds:0.###} ms exceeds the limit {profile.P95Milliseconds} ms"));
        }

        if (summary.FailedRate > profile.ErrorRate)
        {
            reasons.Add(Text($"error rate (http_req_failed) {summary.FailedRate:0.######} exceeds the limit {profile.ErrorRate}"));
        }

        var floor = profile.RatePerSecond * LoadProfile.MinimumRateShare;
        if (summary.IterationsRate < floor)
        {
            reasons.Add(Text($"achieved {summary.IterationsRate:0.###} iterations/s, below {LoadProfile.MinimumRateShare * 100:0}% of the requested {profile.RatePerSecond}/s: the run did not generate the load it is judged for"));
        }

        if (summary.Requests == 0)
        {
            reasons.Add("the run made no HTTP request");
        }

        if (summary.RunDuration is { } lasted)
        {
            measurements.Add(new Measurement(Duration, Math.Round(lasted.TotalSeconds, 3), "s"));
            if (lasted < profile.Duration - LoadProfile.DurationTolerance)
            {
                reasons.Add(Text($"the run lasted {lasted.TotalSeconds:0.###} s, shorter than the {VerificationNames.Of(kind)} duration of {profile.Duration.TotalSeconds:0} s (stopped early?)"));
            }
        }
        else
        {
            reasons.Add("the summary reports no state.testRunDurationMs, so the run's duration cannot be judged");
        }

        return run.Record(kind, "k6", measurements, reasons);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
