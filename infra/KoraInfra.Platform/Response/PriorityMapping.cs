using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Response;

/// <summary>
/// Alert labels to incident priority, as data: the first rule that matches wins. An explicit
/// <c>priority</c> label (set by the alert catalogue) is read first, then the severity the
/// catalogue's matrix uses (critico = P0, alto = P1, warning = P2, as
/// <see cref="AlertSeverities.Priority"/> says).
/// </summary>
public sealed class PriorityMapping
{
    /// <summary>The label an alert may carry to name its priority outright.</summary>
    public const string PriorityLabel = "priority";

    /// <summary>Creates a mapping from rules read in order; <paramref name="fallback"/> is used when none matches.</summary>
    public PriorityMapping(IReadOnlyList<PriorityRule> rules, Priority fallback)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        Fallback = fallback;
    }

    /// <summary>The mapping every environment uses.</summary>
    public static PriorityMapping Default { get; } = new(
        [
            new(PriorityLabel, "P0", Priority.P0),
            new(PriorityLabel, "P1", Priority.P1),
            new(PriorityLabel, "P2", Priority.P2),
            .. AlertSeverities.All.Reverse().Select(s => new PriorityRule(MonitoringLabels.Severity, s.Label(), Enum.Parse<Priority>(s.Priority()))),
        ],
        Priority.P2);

    /// <summary>The rules, in the order they are tried.</summary>
    public IReadOnlyList<PriorityRule> Rules { get; }

    /// <summary>The priority of an alert no rule matches (an unknown severity is still someone's job, at the lowest priority).</summary>
    public Priority Fallback { get; }

    /// <summary>The priority of an alert with these labels.</summary>
    public Priority Map(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var rule in Rules)
        {
            if (labels.TryGetValue(rule.Label, out var value) && string.Equals(value, rule.Value, StringComparison.Ordinal))
            {
                return rule.Priority;
            }
        }

        return Fallback;
    }
}
