using KoraInfra.Platform.Verification.Load;

namespace KoraInfra.Platform.Verification.Smoke;

/// <summary>
/// Judges the smoke run after a staging deploy (seed 4.1, "smoke:runtime com health/list/execute
/// PASS"): the smoke script's three checks each ran and never failed.
/// </summary>
public static class SmokeJudgement
{
    /// <summary>The checks the smoke script must report, by name, in the order it runs them.</summary>
    public static IReadOnlyList<string> Steps { get; } = ["health", "list", "execute"];

    /// <summary>The record of a smoke run.</summary>
    public static EvidenceRecord Judge(K6Summary summary, CheckRun run)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(run);
        var measurements = new List<Measurement>();
        var reasons = new List<string>();
        foreach (var step in Steps)
        {
            if (!summary.Checks.TryGetValue(step, out var result) || result.Passes + result.Fails == 0)
            {
                reasons.Add($"no '{step}' check in the summary: the smoke script must run health, list and execute");
                continue;
            }

            measurements.Add(new Measurement(step + "-passes", result.Passes, "count"));
            measurements.Add(new Measurement(step + "-fails", result.Fails, "count", 0));
            if (result.Fails > 0)
            {
                reasons.Add($"'{step}' failed {result.Fails} of {result.Passes + result.Fails} time(s)");
            }
        }

        return run.Record(VerificationKind.SmokeRuntime, "k6", measurements, reasons);
    }
}
