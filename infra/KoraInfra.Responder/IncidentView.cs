using KoraInfra.Platform.Response;

namespace KoraInfra.Responder;

/// <summary>An incident as the API shows it (what <c>kora incident list --json</c> prints).</summary>
public sealed record IncidentView(
    long Id,
    string Priority,
    string State,
    string AlertName,
    Guid? TenantId,
    string Fingerprint,
    DateTimeOffset OpenedAt,
    double UnackedSeconds,
    string EscalationLevel,
    bool CriticalTicket,
    bool AlertFiring,
    DateTimeOffset? AckedAt,
    string? AckedBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ContainedAt,
    IReadOnlyList<IncidentTransition> Transitions)
{
    /// <summary>The view of a stored incident.</summary>
    public static IncidentView Of(StoredIncident stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var i = stored.Incident;
        return new(i.Id, i.Priority.ToString(), i.State.ToString().ToLowerInvariant(), i.AlertName, i.TenantId, i.Fingerprint, i.OpenedAt,
            i.UnackedAge(now).TotalSeconds, EscalationAlert.Step(i.EscalationLevel), stored.CriticalTicket, i.AlertFiring, i.AckedAt, i.AckedBy,
            i.ResolvedAt, i.ContainedAt, i.Transitions);
    }
}
