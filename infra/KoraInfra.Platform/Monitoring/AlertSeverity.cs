namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// How bad a firing alert is. The seed's matrix uses warning / alto / critico; each maps to
/// an incident priority of the runbook (seed section 7), whose ACK SLA sets how often the alert
/// is repeated until someone acknowledges it.
/// </summary>
public enum AlertSeverity
{
    /// <summary>"warning": incident priority P2.</summary>
    Warning = 1,

    /// <summary>"alto": incident priority P1.</summary>
    High = 2,

    /// <summary>"critico": incident priority P0.</summary>
    Critical = 3,
}

/// <summary>The wire names of <see cref="AlertSeverity"/>.</summary>
public static class AlertSeverities
{
    /// <summary>Every severity, mildest first.</summary>
    public static IReadOnlyList<AlertSeverity> All { get; } = [AlertSeverity.Warning, AlertSeverity.High, AlertSeverity.Critical];

    /// <summary>The <c>severity</c> label value.</summary>
    public static string Label(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Warning => "warning",
        AlertSeverity.High => "high",
        AlertSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>The incident priority of the runbook (seed section 7): the <c>priority</c> label value.</summary>
    public static string Priority(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Warning => "P2",
        AlertSeverity.High => "P1",
        AlertSeverity.Critical => "P0",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
