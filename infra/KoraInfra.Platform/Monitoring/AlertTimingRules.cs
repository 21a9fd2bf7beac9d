namespace KoraInfra.Platform.Monitoring;

/// <summary>Checks that every alert fires at the seed's duration: not later, not earlier.</summary>
public static class AlertTimingRules
{
    /// <summary>How long after the condition starts the alert fires: the signal's window plus <c>for:</c>.</summary>
    public static TimeSpan TimeToFire(AlertDefinition alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Signal.Window + alert.For;
    }

    /// <summary>Every alert whose window and <c>for:</c> do not add up to the seed's duration, said plainly.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<AlertDefinition> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<string>();
        foreach (var alert in catalogue)
        {
            var window = PrometheusRules.Duration(alert.Signal.Window);
            var forText = PrometheusRules.Duration(alert.For);
            var seed = PrometheusRules.Duration(alert.SeedDuration);
            var problem = alert.Timing switch
            {
                AlertTiming.Sustained when TimeToFire(alert) != alert.SeedDuration =>
                    $"{alert.Name}: a {window} window with for: {forText} fires after {PrometheusRules.Duration(TimeToFire(alert))}; the seed says {seed}",
                AlertTiming.Age when alert.Signal.Window != TimeSpan.Zero || alert.For != TimeSpan.Zero =>
                    $"{alert.Name}: an age compared with the seed's durations must have no window and no for: (has {window} and {forText})",
                AlertTiming.Windowed when alert.Signal.Window != alert.SeedDuration || alert.For != TimeSpan.Zero =>
                    $"{alert.Name}: a count over the seed's {seed} must use a {seed} window and no for: (has {window} and {forText})",
                AlertTiming.Level when alert.Signal.Window != TimeSpan.Zero || alert.For != TimeSpan.Zero || alert.SeedDuration != TimeSpan.Zero =>
                    $"{alert.Name}: a level the seed gives no duration fires at once (has window {window}, for: {forText}, seed {seed})",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }
}
