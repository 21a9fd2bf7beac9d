using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The seed's automatic actions (section 6, "Acao automatica") as data, and which of them an
/// incident calls for at a moment. Engaging is idempotent (<see cref="DueAction.Key"/>); nothing
/// here ever undoes an action: only a person does (<c>kora safe-mode clear</c>).
/// </summary>
public static class AutomaticActions
{
    /// <summary>The label naming the component (flow) of a coverage alert.</summary>
    public const string ComponentLabel = MonitoringLabels.FlowId;

    /// <summary>The table.</summary>
    public static IReadOnlyList<AutomaticActionRule> Rules { get; } =
    [
        new("coverage-critical",
            "Logs estruturados: critico < 98% (15 min) -> abrir incidente + ativar rollback/feature flag no componente sem propagacao",
            ["StructuredLogCoverageLow"], AlertSeverity.Critical.Label(), null,
            [ActionKind.ComponentFlagOff]),
        new("ack-to-enqueue-gap-critical",
            "Metricas de saude: ack_to_enqueue_gap critico p95 > 5 min ou > 20 eventos/15 min -> throttling de carga + escalonamento para DevOps on-call + ativacao de modo degradado",
            ["AckToEnqueueGapHigh", "AckToEnqueueGapSlowEvents"], AlertSeverity.Critical.Label(), null,
            [ActionKind.Throttle, ActionKind.EscalateToDevops, ActionKind.DegradedMode]),
        new("no-ack-15-min",
            "Alertas criticos: no_ack critico 15 min -> safe mode aos 15 min sem ACK + abertura de ticket critico + notificacao redundante",
            [], AlertSeverity.Critical.Label(), NoAckMatrix.SafeModeAfter,
            [ActionKind.SafeMode, ActionKind.CriticalTicket, ActionKind.RedundantNotification]),
    ];

    /// <summary>
    /// The actions the incident calls for at <paramref name="now"/>. A rule with
    /// <see cref="AutomaticActionRule.UnackedFor"/> applies only while nobody has acknowledged, at
    /// or after that age; the others apply as soon as the incident opens.
    /// </summary>
    public static IReadOnlyList<DueAction> Due(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.State == IncidentState.Resolved)
        {
            return [];
        }

        var due = new List<DueAction>();
        foreach (var rule in Rules)
        {
            if (rule.AlertNames.Count > 0 && !rule.AlertNames.Contains(incident.AlertName))
            {
                continue;
            }

            if (incident.Severity != rule.Severity)
            {
                continue;
            }

            if (rule.UnackedFor is { } age && (incident.State != IncidentState.Open || incident.UnackedAge(now) < age))
            {
                continue;
            }

            foreach (var kind in rule.Actions)
            {
                var component = kind == ActionKind.ComponentFlagOff && incident.Labels.TryGetValue(ComponentLabel, out var c) ? c : string.Empty;
                due.Add(new DueAction(rule.Id, kind, incident.TenantId, component));
            }
        }

        return due;
    }
}
