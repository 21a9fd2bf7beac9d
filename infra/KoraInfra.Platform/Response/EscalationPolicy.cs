using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The on-call chain (seed section 6, On-call): "alerta P0 sem ACK interno por &gt; 5 min escala
/// automaticamente" along "superadmin -&gt; devops -&gt; gestao", one step at a time. The routes
/// notify superadmin when the alert fires; each further step is sent once the incident has gone
/// more than 5 min without an ACK since the previous step, until management has been reached.
/// </summary>
public static class EscalationPolicy
{
    /// <summary>The seed's "&gt; 5 min" without internal ACK.</summary>
    public static TimeSpan P0WithoutAck { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The chain, first step first.</summary>
    public static IReadOnlyList<EscalationLevel> Chain { get; } = [EscalationLevel.Superadmin, EscalationLevel.Devops, EscalationLevel.Management];

    /// <summary>
    /// The step to escalate to now, or null: only a P0 incident still open (no ACK) whose alert still
    /// fires, strictly more than 5 min after it opened or was last escalated, below management.
    /// </summary>
    public static EscalationLevel? Due(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Priority != Priority.P0 || incident.State != IncidentState.Open || !incident.AlertFiring)
        {
            return null;
        }

        var index = Chain.ToList().IndexOf(incident.EscalationLevel);
        if (index < 0 || index == Chain.Count - 1)
        {
            return null;
        }

        var since = incident.LastEscalatedAt ?? incident.OpenedAt;
        return now - since > P0WithoutAck ? Chain[index + 1] : null;
    }
}
