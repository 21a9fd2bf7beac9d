using System.Globalization;
using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Tests.Monitoring.Support;

/// <summary>
/// Generates <c>promtool test rules</c> files that check when each rung of each alert fires,
/// from the raw metrics of the product's contract, through the recording rules, to the alert.
/// The condition starts at minute <c>b</c>: a counter's rate turns bad in the interval after
/// <c>b</c>, a gauge reads bad from <c>b</c>, an age starts counting at <c>b</c>. The rung must be
/// silent one evaluation before <c>b</c> + the seed's duration and firing at it (an age compared
/// with "&gt;" fires at the first evaluation past it). The expected times come from the seed's
/// durations and a model of a windowed average, never from the rendered PromQL.
/// </summary>
internal static class TimingTests
{
    private const string Tenant = ThresholdTests.Tenant;

    /// <summary>One test file per alert that has a raw-metric feed: file name, YAML, number of checks.</summary>
    public static IReadOnlyList<(string Alert, string FileName, string Yaml)> For(IReadOnlyList<AlertDefinition> catalogue, Uri runbookBase, string[] ruleFiles)
    {
        var files = new List<(string, string, string)>();
        foreach (var alert in catalogue.Where(a => a.Timing is AlertTiming.Sustained or AlertTiming.Age or AlertTiming.Level))
        {
            var groups = alert.Steps.Select(step => Case(alert, step, runbookBase)).ToList();
            var document = new YamlMap
            {
                { "rule_files", ruleFiles },
                { "evaluation_interval", "1m" },

                // promtool otherwise evaluates the groups in a random order at each step, so an
                // alert would read the signal of this step or of the last one by chance. Signals
                // first: the time measured is the rules' own; a live Prometheus may add up to one
                // evaluation interval between the two groups.
                { "group_eval_order", new[] { "kora.signals", AlertCatalogue.HealthGroup, AlertCatalogue.ReopenGroup } },
                { "tests", groups },
            };
            files.Add((alert.Name, $"{alert.Name}.timing.test.yml", YamlRendering.Render(document, $"Timing tests of {alert.Name}")));
        }

        return files;
    }

    /// <summary>When the rung fires, in minutes after the condition starts.</summary>
    public static int FiresAfter(AlertDefinition alert, AlertStep step) => alert.Timing switch
    {
        AlertTiming.Age => AgeMinutes(alert, step),
        _ => Minutes(alert.SeedDuration),
    };

    private static YamlMap Case(AlertDefinition alert, AlertStep step, Uri runbookBase)
    {
        var window = Minutes(alert.Signal.Window);
        var start = window + 5;
        var fires = start + FiresAfter(alert, step);
        var samples = fires + 3;
        var bad = ThresholdTests.Beyond(alert.Comparison, step.Threshold);

        var checks = new List<YamlMap>();
        foreach (var at in new[] { fires - 1, fires })
        {
            var firing = alert.Steps.Where(s => FiringAt(alert, s, bad, start, at)).ToList();
            checks.Add(new()
            {
                { "eval_time", $"{at}m" },
                { "alertname", alert.Name },
                { "exp_alerts", firing.Select(s => Expected(alert, s, runbookBase)).ToList() },
            });
        }

        // The model must agree with the seed: this rung silent just before, firing at the duration.
        Assert.DoesNotContain(step, alert.Steps.Where(s => FiringAt(alert, s, bad, start, fires - 1)));
        Assert.Contains(step, alert.Steps.Where(s => FiringAt(alert, s, bad, start, fires)));

        return new YamlMap
        {
            { "name", $"{alert.Name} {step.Severity.Label()} from minute {start}: fires at minute {fires}" },
            { "interval", "1m" },
            { "input_series", Feed(alert, bad, start, samples) },
            { "alert_rule_test", checks },
        };
    }

    // A windowed average of n one-minute intervals, k of them bad, the rest healthy.
    private static bool FiringAt(AlertDefinition alert, AlertStep step, double bad, int start, int at)
    {
        if (alert.Timing == AlertTiming.Age)
        {
            var age = 60.0 * (at - start);
            return age >= 0 && alert.Comparison.Breaches(age, step.Threshold);
        }

        var n = Minutes(alert.Signal.Window);
        var healthy = Healthy(alert.Comparison);
        int? crossed = null;
        for (var t = start; t <= at; t++)
        {
            var badIntervals = n == 0 ? 1 : Math.Min(t - start, n);
            var value = n == 0 ? bad : ((badIntervals * bad) + ((n - badIntervals) * healthy)) / n;
            if (alert.Comparison.Breaches(value, step.Threshold))
            {
                crossed ??= t;
            }
            else
            {
                crossed = null;
            }
        }

        return crossed is { } c && at - c >= Minutes(alert.For);
    }

    private static double Healthy(Comparison comparison) => comparison == Comparison.Below ? 1 : 0;

    private static List<YamlMap> Feed(AlertDefinition alert, double bad, int start, int samples)
    {
        var series = new List<YamlMap>();
        void Add(string name, string values) => series.Add(new() { { "series", name }, { "values", values } });
        var tenant = $"tenant_id=\"{Tenant}\"";
        var healthy = Healthy(alert.Comparison);

        if (alert.Signal == Signals.StructuredLogCoverage)
        {
            var labels = $"{{{tenant}, flow_id=\"F-01\"}}";
            Add("kora_flow_log_records_total" + labels, Counter(100_000, 100_000, start, samples));
            Add("kora_flow_log_records_complete_total" + labels, Counter(healthy * 100_000, Math.Floor(bad * 100_000), start, samples));
        }
        else if (alert.Signal == Signals.RedisFallbackRate)
        {
            Add($"kora_redis_operations_total{{{tenant}}}", Counter(100_000, 100_000, start, samples));
            Add($"kora_redis_fallback_total{{{tenant}}}", Counter(healthy * 100_000, Math.Ceiling(bad * 100_000), start, samples));
        }
        else if (alert.Signal == Signals.TakeoverSlaBreachRate)
        {
            Add($"kora_takeovers_total{{{tenant}}}", Counter(100_000, 100_000, start, samples));
            Add($"kora_takeover_sla_breaches_total{{{tenant}}}", Counter(healthy * 100_000, Math.Ceiling(bad * 100_000), start, samples));
        }
        else if (alert.Signal == Signals.ReplayBacklog)
        {
            Add($"kora_replay_backlog{{{tenant}}}", Gauge(ThresholdTests.ShortOf(alert.Comparison, alert.Steps[0].Threshold) - 1, bad, start, samples));
        }
        else if (alert.Signal == Signals.CriticalAlertUnackedAge)
        {
            Add($"kora_critical_alert_unacked_age_seconds{{{tenant}}}", Age(start, samples));
        }
        else if (alert.Signal == Signals.P0IncidentUnackedAge)
        {
            Add($"kora_incident_unacked_age_seconds{{{tenant}, priority=\"P0\"}}", Age(start, samples));
        }
        else
        {
            throw new ArgumentException($"no raw-metric feed for {alert.Signal.Record}: add one so {alert.Name}'s timing is tested", nameof(alert));
        }

        if (alert.Unless == Signals.SafeModeActive)
        {
            Add($"kora_safe_mode_active{{{tenant}}}", $"0+0x{samples}");
        }

        return series;
    }

    // Per-minute increments: healthy through sample b, bad in every interval after it.
    private static string Counter(double healthyPerMinute, double badPerMinute, int start, int samples) =>
        $"0+{Number(healthyPerMinute)}x{start} {Number((healthyPerMinute * start) + badPerMinute)}+{Number(badPerMinute)}x{samples - start - 1}";

    private static string Gauge(double healthy, double bad, int start, int samples) =>
        $"{Number(healthy)}+0x{start - 1} {Number(bad)}+0x{samples - start}";

    private static string Age(int start, int samples) => $"0+0x{start - 1} 0+60x{samples - start}";

    private static int AgeMinutes(AlertDefinition alert, AlertStep step)
    {
        // The first whole minute at which the age breaches the seed's threshold.
        var minute = (int)Math.Ceiling(step.Threshold / 60);
        return alert.Comparison.Breaches(60.0 * minute, step.Threshold) ? minute : minute + 1;
    }

    private static int Minutes(TimeSpan span) => (int)span.TotalMinutes;

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static YamlMap Expected(AlertDefinition alert, AlertStep step, Uri runbookBase)
    {
        var labels = new YamlMap();
        foreach (var name in alert.Signal.Labels)
        {
            labels.Add(name, name == MonitoringLabels.FlowId ? "F-01" : Tenant);
        }

        foreach (var (key, value) in PrometheusRules.LabelsOf(alert, step))
        {
            labels.Add(key, value);
        }

        var annotations = new YamlMap();
        foreach (var (key, value) in PrometheusRules.AnnotationsOf(alert, step, runbookBase))
        {
            annotations.Add(key, value);
        }

        return new YamlMap { { "exp_labels", labels }, { "exp_annotations", annotations } };
    }
}
