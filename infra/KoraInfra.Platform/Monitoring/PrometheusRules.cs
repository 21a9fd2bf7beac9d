using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// Turns the catalogue into Prometheus rule files: one of recording rules (the signals) and one
/// of alerting rules (one rule per rung of every alert's ladder).
/// </summary>
public static class PrometheusRules
{
    /// <summary>How often the rules are evaluated.</summary>
    public const string EvaluationInterval = "1m";

    /// <summary>The name of the recording rules' file and resource.</summary>
    public const string SignalsFile = "kora-signals";

    /// <summary>The name of the alerting rules' file and resource.</summary>
    public const string AlertsFile = "kora-alerts";

    /// <summary>The recording rules, then the alerting rules.</summary>
    public static IReadOnlyList<RuleFile> For(MonitoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var catalogue = AlertCatalogue.For(settings);
        var signals = catalogue.Select(a => a.Signal)
            .Concat(catalogue.Select(a => a.Unless).OfType<Signal>())
            .Distinct()
            .OrderBy(s => Signals.All.ToList().IndexOf(s))
            .Select(Recording)
            .ToList();

        var alertGroups = catalogue.GroupBy(AlertCatalogue.GroupOf)
            .Select(g => Group(g.Key, g.SelectMany(a => a.Steps.Select(step => Alerting(a, step, settings.RunbookBaseUrl))).ToList()))
            .ToList();

        return
        [
            new RuleFile(SignalsFile, [Group("kora.signals", signals)]),
            new RuleFile(AlertsFile, alertGroups),
            Response.ResponseAlerts.RuleFile(settings.RunbookBaseUrl),
        ];
    }

    /// <summary>The labels an alerting rule sets on one rung, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> LabelsOf(AlertDefinition alert, AlertStep step)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(step);
        return
        [
            new(MonitoringLabels.Severity, step.Severity.Label()),
            new(MonitoringLabels.Priority, step.Severity.Priority()),
            .. alert.Labels,
        ];
    }

    /// <summary>The annotations of one rung, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> AnnotationsOf(AlertDefinition alert, AlertStep step, Uri runbookBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(step);
        return
        [
            new("summary", $"{alert.Summary} ({step.Spelled})"),
            new("runbook_url", RunbookLinks.For(runbookBaseUrl, alert.RunbookAnchor)),
            new("source", alert.Source),
        ];
    }

    /// <summary>A Prometheus duration (<c>15m</c>, <c>3d</c>).</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours}h"
        : span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes}m"
        : $"{span.TotalSeconds}s";

    private static YamlMap Group(string name, IReadOnlyList<YamlMap> rules) => new()
    {
        { "name", name },
        { "interval", EvaluationInterval },
        { "rules", rules },
    };

    private static YamlMap Recording(Signal signal) => new()
    {
        { "record", signal.Record },
        { "expr", signal.Expression },
    };

    private static YamlMap Alerting(AlertDefinition alert, AlertStep step, Uri runbookBaseUrl)
    {
        var rule = new YamlMap
        {
            { "alert", alert.Name },
            { "expr", alert.ExpressionFor(step) },
        };
        if (alert.For > TimeSpan.Zero)
        {
            rule.Add("for", Duration(alert.For));
        }

        rule.Add("labels", ToMap(LabelsOf(alert, step)));
        rule.Add("annotations", ToMap(AnnotationsOf(alert, step, runbookBaseUrl)));
        return rule;
    }

    private static YamlMap ToMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new YamlMap();
        foreach (var (key, value) in pairs)
        {
            map.Add(key, value);
        }

        return map;
    }
}
