using System.Globalization;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// The verdict on an experiment: it passes when every hypothesis held before the fault and held
/// again after it, within the recovery timeout. During the fault a hypothesis may be violated (that
/// is the fault being felt); how far it went is measured and noted, not judged.
/// </summary>
public static class SteadyStateJudgement
{
    /// <summary>The measurement of the time from the fault's end to every hypothesis holding again, in seconds.</summary>
    public const string Recovery = "recovery";

    /// <summary>The measurements, the verdict, and its reasons (failures, or for a pass the notes a reviewer reads).</summary>
    public static (IReadOnlyList<Measurement> Measurements, bool Passed, IReadOnlyList<string> Reasons) Judge(FaultExperiment experiment, SteadyStateObservations observed)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(observed);
        var measurements = new List<Measurement>();
        var failures = new List<string>(observed.Problems.Select(p => $"{experiment.Name}: {p}"));
        var notes = new List<string> { $"{experiment.Name} ({experiment.Driver}): {experiment.Proves}" };

        foreach (var reading in observed.Before)
        {
            Add(measurements, reading.Hypothesis.Name + ".before", reading, reading.Hypothesis.Maximum);
            if (!reading.Holds)
            {
                failures.Add($"{experiment.Name}: not steady before the fault, so it was not started: {Describe(reading)}");
            }
        }

        foreach (var group in observed.During.GroupBy(r => r.Hypothesis.Name, StringComparer.Ordinal))
        {
            var worst = group.Where(r => IsFinite(r.Value)).MaxBy(r => r.Value);
            if (worst is not null)
            {
                Add(measurements, group.Key + ".during_max", worst, null);
                if (!worst.Holds)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"during the fault {group.Key} reached {worst.Shown} (steady at most {worst.Hypothesis.Maximum}) at {worst.At:O}"));
                }
            }
        }

        // The sample that showed recovery decides; without one, the last reading of each hypothesis.
        var recovered = RecoveredAt(observed.After);
        var finalReadings = recovered is { } back
            ? observed.After.Where(r => r.At == back).ToList()
            : observed.After.GroupBy(r => r.Hypothesis.Name, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.At)!).ToList();
        foreach (var reading in finalReadings)
        {
            Add(measurements, reading.Hypothesis.Name + ".after", reading, reading.Hypothesis.Maximum);
        }

        if (observed.FaultEnded is { } ended && observed.Before.All(r => r.Holds))
        {
            if (recovered is { } at)
            {
                measurements.Add(new Measurement(Recovery, Math.Max(0, (at - ended).TotalSeconds), "s", observed.RecoveryTimeout.TotalSeconds));
            }
            else
            {
                var broken = finalReadings.Where(r => !r.Holds).Select(Describe).ToList();
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{experiment.Name}: the steady state did not return within {observed.RecoveryTimeout.TotalMinutes:0.#} min of the fault's end: ")
                    + (broken.Count > 0 ? string.Join("; ", broken) : "no reading after the fault"));
            }
        }

        var passed = failures.Count == 0 && observed.FaultEnded is not null;
        if (!passed && failures.Count == 0)
        {
            failures.Add($"{experiment.Name}: the fault was never injected");
        }

        return (measurements, passed, passed ? notes : failures);
    }

    /// <summary>The first instant after which every hypothesis held in the same sample; null when none.</summary>
    private static DateTimeOffset? RecoveredAt(IReadOnlyList<HypothesisReading> after) =>
        after.GroupBy(r => r.At).OrderBy(g => g.Key).FirstOrDefault(g => g.All(r => r.Holds))?.Key;

    private static string Describe(HypothesisReading reading) =>
        string.Create(CultureInfo.InvariantCulture, $"{reading.Hypothesis.Name} = {reading.Shown} at {reading.At:O}, steady at most {reading.Hypothesis.Maximum} {reading.Hypothesis.Unit} ({reading.Hypothesis.Source}; {reading.Hypothesis.Query})");

    // A record is JSON: no NaN or infinity in it; those readings are named in the reasons instead.
    private static void Add(List<Measurement> measurements, string name, HypothesisReading reading, double? maximum)
    {
        if (IsFinite(reading.Value))
        {
            measurements.Add(new Measurement(name, reading.Value!.Value, reading.Hypothesis.Unit, maximum));
        }
    }

    private static bool IsFinite(double? value) => value is { } v && double.IsFinite(v);
}
