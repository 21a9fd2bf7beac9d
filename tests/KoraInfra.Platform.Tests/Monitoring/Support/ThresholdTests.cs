using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Tests.Monitoring.Support;

/// <summary>
/// Generates <c>promtool test rules</c> files from the catalogue: for every rung of every alert,
/// one case holding the signal just short of the threshold (the rung stays silent) and one just
/// beyond it (the rung fires with its severity, not before its <c>for</c> duration, and with
/// exactly its labels and annotations). Expectations are computed here from the seed's
/// comparison, independently of the rendered PromQL, so a wrong operator or threshold fails.
/// </summary>
internal static class ThresholdTests
{
    public const string Tenant = "tenant-a";

    private const int IntervalMinutes = 1;

    /// <summary>One test file per alert: file name and YAML.</summary>
    public static IReadOnlyList<(string FileName, string Yaml, int Cases)> For(IReadOnlyList<AlertDefinition> catalogue, Uri runbookBase, string rulesFile)
    {
        var files = new List<(string, string, int)>();
        foreach (var alert in catalogue)
        {
            var groups = new List<YamlMap>();
            foreach (var step in alert.Steps)
            {
                var beyond = Beyond(alert.Comparison, step.Threshold);
                var shortOf = ShortOf(alert.Comparison, step.Threshold);

                // The generated values must sit on the two sides of this rung, or the case proves nothing.
                Assert.True(alert.Comparison.Breaches(beyond, step.Threshold), $"{alert.Name}: {beyond} does not breach {step.Threshold}");
                Assert.False(alert.Comparison.Breaches(shortOf, step.Threshold), $"{alert.Name}: {shortOf} breaches {step.Threshold}");

                groups.Add(Case(alert, shortOf, runbookBase, guardOn: false));
                groups.Add(Case(alert, beyond, runbookBase, guardOn: false));
            }

            if (alert.Unless is not null)
            {
                // The guard silences the alert even far beyond the last rung.
                groups.Add(Case(alert, Beyond(alert.Comparison, alert.Steps[^1].Threshold), runbookBase, guardOn: true));
            }

            var document = new YamlMap
            {
                { "rule_files", new[] { rulesFile } },
                { "evaluation_interval", $"{IntervalMinutes}m" },
                { "tests", groups },
            };
            files.Add(($"{alert.Name}.test.yml", YamlRendering.Render(document, $"Threshold tests of {alert.Name}"), groups.Count));
        }

        return files;
    }

    /// <summary>A value that breaches the threshold by the smallest margin the comparison allows.</summary>
    public static double Beyond(Comparison comparison, double threshold) => comparison switch
    {
        Comparison.Above => threshold + Margin(threshold),
        Comparison.AtLeast => threshold,
        Comparison.Below => threshold - Margin(threshold),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>The closest value that does not breach the threshold.</summary>
    public static double ShortOf(Comparison comparison, double threshold) => comparison switch
    {
        Comparison.Above or Comparison.Below => threshold,
        Comparison.AtLeast => threshold - Margin(threshold),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    private static double Margin(double threshold) => Math.Max(Math.Abs(threshold) / 1000, 0.0001);

    private static YamlMap Case(AlertDefinition alert, double value, Uri runbookBase, bool guardOn)
    {
        var forMinutes = (int)alert.For.TotalMinutes;
        var samples = forMinutes + 10;
        var series = new List<YamlMap>
        {
            new() { { "series", SeriesName(alert.Signal) }, { "values", $"{YamlRendering.Scalar(value)}+0x{samples}" } },
        };
        if (alert.Unless is { } guard)
        {
            series.Add(new() { { "series", SeriesName(guard) }, { "values", $"{(guardOn ? 1 : 0)}+0x{samples}" } });
        }

        var firing = guardOn ? [] : alert.Steps.Where(s => alert.Comparison.Breaches(value, s.Threshold)).ToList();
        var checks = new List<YamlMap>();
        if (forMinutes > 0)
        {
            // Still pending one evaluation before the duration is up.
            checks.Add(new() { { "eval_time", $"{forMinutes - IntervalMinutes}m" }, { "alertname", alert.Name }, { "exp_alerts", Array.Empty<YamlMap>() } });
        }

        checks.Add(new()
        {
            { "eval_time", $"{forMinutes}m" },
            { "alertname", alert.Name },
            { "exp_alerts", firing.Select(step => Expected(alert, step, runbookBase)).ToList() },
        });

        return new YamlMap
        {
            { "name", $"{alert.Name} at {YamlRendering.Scalar(value)}{(guardOn ? " with " + alert.Unless!.Record + " = 1" : string.Empty)}" },
            { "interval", $"{IntervalMinutes}m" },
            { "input_series", series },
            { "alert_rule_test", checks },
        };
    }

    private static YamlMap Expected(AlertDefinition alert, AlertStep step, Uri runbookBase)
    {
        var labels = new YamlMap();
        foreach (var name in alert.Signal.Labels)
        {
            labels.Add(name, LabelValue(name));
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

    private static string SeriesName(Signal signal) =>
        signal.Labels.Count == 0
            ? signal.Record
            : signal.Record + "{" + string.Join(", ", signal.Labels.Select(l => $"{l}=\"{LabelValue(l)}\"")) + "}";

    private static string LabelValue(string label) => label switch
    {
        MonitoringLabels.TenantId => Tenant,
        MonitoringLabels.FlowId => "F-01",
        _ => throw new ArgumentException($"no test value for label {label}", nameof(label)),
    };
}
