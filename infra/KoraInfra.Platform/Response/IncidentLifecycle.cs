using System.Globalization;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The incident state machine: opened by the responder from an alert, acknowledged and resolved
/// only by a named person (resolution also says why). Every transition is recorded with who and
/// when; a transition the state does not allow is refused and changes nothing.
/// </summary>
public static class IncidentLifecycle
{
    /// <summary>Who the responder is in a timeline.</summary>
    public const string Responder = "responder";

    /// <summary>The longest accepted name or reason.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Opens an incident for a firing alert.</summary>
    public static Incident Open(ReceivedAlert alert, PriorityMapping mapping, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(mapping);
        Guid? tenant = alert.Labels.TryGetValue(MonitoringLabels.TenantId, out var t) && Guid.TryParse(t, CultureInfo.InvariantCulture, out var id) ? id : null;
        return new Incident
        {
            Fingerprint = alert.Fingerprint,
            StartsAt = alert.StartsAt,
            AlertName = alert.AlertName,
            Labels = alert.Labels,
            TenantId = tenant,
            Priority = mapping.Map(alert.Labels),
            State = IncidentState.Open,
            OpenedAt = now,
            Transitions = [new IncidentTransition(null, IncidentState.Open, Responder, now, $"alert {alert.AlertName} firing since {alert.StartsAt:O}")],
        };
    }

    /// <summary>A person acknowledges: escalation stops.</summary>
    public static Incident Acknowledge(Incident incident, string who, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        RequireText(who, "who", "the person acknowledging (--who NAME)");
        if (incident.State != IncidentState.Open)
        {
            throw new IncidentTransitionException($"incident {incident.Id} is {Describe(incident)}; only an open incident can be acknowledged");
        }

        return incident with
        {
            State = IncidentState.Acknowledged,
            AckedAt = now,
            AckedBy = who,
            Transitions = [.. incident.Transitions, new IncidentTransition(IncidentState.Open, IncidentState.Acknowledged, who, now, null)],
        };
    }

    /// <summary>A person resolves, saying why. Resolving counts as containment if nothing contained it before.</summary>
    public static Incident Resolve(Incident incident, string who, string why, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        RequireText(who, "who", "the person resolving (--who NAME)");
        RequireText(why, "why", "what was done (--why TEXT)");
        if (incident.State == IncidentState.Resolved)
        {
            throw new IncidentTransitionException($"incident {incident.Id} is {Describe(incident)}; a resolved incident stays resolved (a new alert opens a new incident)");
        }

        return incident with
        {
            State = IncidentState.Resolved,
            ResolvedAt = now,
            ContainedAt = incident.ContainedAt ?? now,
            Transitions = [.. incident.Transitions, new IncidentTransition(incident.State, IncidentState.Resolved, who, now, why)],
        };
    }

    /// <summary>Records the first containment (an automatic containment action engaged); later ones change nothing.</summary>
    public static Incident Contained(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.ContainedAt is null ? incident with { ContainedAt = now } : incident;
    }

    /// <summary>Records that an escalation to <paramref name="level"/> was sent.</summary>
    public static Incident Escalated(Incident incident, EscalationLevel level, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident with { EscalationLevel = level, LastEscalatedAt = now };
    }

    /// <summary>Alertmanager says the alert resolved: escalation stops, the incident stays for a person to close.</summary>
    public static Incident AlertResolved(Incident incident, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.AlertResolvedAt is null ? incident with { AlertResolvedAt = at } : incident;
    }

    private static string Describe(Incident incident) => incident.State switch
    {
        IncidentState.Acknowledged => $"already acknowledged by {incident.AckedBy} at {incident.AckedAt:O}",
        IncidentState.Resolved => $"already resolved at {incident.ResolvedAt:O}",
        _ => "open",
    };

    /// <summary>Refuses an empty or overlong who/why, naming what was expected.</summary>
    public static void RequireText(string? value, string what, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new IncidentTransitionException($"'{what}' is empty; expected {expected}");
        }

        if (value.Length > MaxTextLength)
        {
            throw new IncidentTransitionException($"'{what}' has {value.Length} characters; expected at most {MaxTextLength}");
        }
    }
}
