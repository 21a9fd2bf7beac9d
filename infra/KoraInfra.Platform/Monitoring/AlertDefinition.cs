namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// One alert of the catalogue: a signal, the bad side of its thresholds, and a ladder of
/// severities. Each rung becomes one Prometheus alerting rule with the same name, so the higher
/// severity can inhibit the lower one for the same alert and tenant.
/// </summary>
/// <param name="Name">The <c>alertname</c>.</param>
/// <param name="Signal">What is judged.</param>
/// <param name="Comparison">Which side of the thresholds is bad.</param>
/// <param name="Steps">The rungs, mildest first.</param>
/// <param name="For">How long the condition must hold before the alert fires.</param>
/// <param name="Summary">One line for the person paged.</param>
/// <param name="RunbookAnchor">The section of <c>docs/runbooks/incident.md</c> that says what to do.</param>
/// <param name="Source">Where the requirement comes from (seed section, risk id, or setting).</param>
/// <param name="Unless">A signal that, when 1 for the same tenant, silences the alert (e.g. safe mode already on).</param>
/// <param name="ExtraLabels">Labels beyond severity and priority, such as <c>escalation</c>.</param>
/// <param name="Timing">How the alert meets the seed's duration (<see cref="AlertTimingRules"/>).</param>
/// <param name="SeedDuration">The duration the seed gives the condition (zero when it gives none).</param>
public sealed record AlertDefinition(
    string Name,
    Signal Signal,
    Comparison Comparison,
    IReadOnlyList<AlertStep> Steps,
    TimeSpan For,
    string Summary,
    string RunbookAnchor,
    string Source,
    Signal? Unless = null,
    IReadOnlyList<KeyValuePair<string, string>>? ExtraLabels = null,
    AlertTiming Timing = AlertTiming.Level,
    TimeSpan SeedDuration = default)
{
    /// <summary>The extra labels, never null.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels => ExtraLabels ?? [];

    /// <summary>The PromQL condition of one rung.</summary>
    public string ExpressionFor(AlertStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var condition = $"{Signal.Record} {Comparison.Operator()} {YamlRendering.Scalar(step.Threshold)}";
        return Unless is null
            ? condition
            : $"{condition} unless on ({string.Join(", ", Unless.Labels)}) ({Unless.Record} == 1)";
    }
}
