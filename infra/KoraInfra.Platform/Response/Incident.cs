using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Response;

/// <summary>
/// One incident: one alert (by Alertmanager fingerprint and the time it started firing), however
/// often Alertmanager repeats it. Every change is a <see cref="IncidentTransition"/> with who and when.
/// </summary>
public sealed record Incident
{
    /// <summary>The responder's id (0 until stored).</summary>
    public long Id { get; init; }

    /// <summary>Alertmanager's fingerprint of the alert's labels.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>When the alert started firing (with the fingerprint, the incident's identity).</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>The alert's name.</summary>
    public required string AlertName { get; init; }

    /// <summary>The alert's labels.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The tenant the alert is about, when it names one.</summary>
    public Guid? TenantId { get; init; }

    /// <summary>The priority from <see cref="PriorityMapping"/>.</summary>
    public required Priority Priority { get; init; }

    /// <summary>The state.</summary>
    public required IncidentState State { get; init; }

    /// <summary>When the responder opened it.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When a person acknowledged it.</summary>
    public DateTimeOffset? AckedAt { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AckedBy { get; init; }

    /// <summary>When a person resolved it.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When the first containment happened (an automatic containment action, or the resolution).</summary>
    public DateTimeOffset? ContainedAt { get; init; }

    /// <summary>When Alertmanager reported the alert resolved (null while it fires).</summary>
    public DateTimeOffset? AlertResolvedAt { get; init; }

    /// <summary>The step of the chain notified last (superadmin when opened: the routes notify it directly).</summary>
    public EscalationLevel EscalationLevel { get; init; } = EscalationLevel.Superadmin;

    /// <summary>When the last escalation was sent (null: none yet).</summary>
    public DateTimeOffset? LastEscalatedAt { get; init; }

    /// <summary>The timeline.</summary>
    public IReadOnlyList<IncidentTransition> Transitions { get; init; } = [];

    /// <summary>Whether the alert behind it still fires.</summary>
    public bool AlertFiring => AlertResolvedAt is null;

    /// <summary>The alert's <c>severity</c> label, when it has one.</summary>
    public string? Severity => Labels.TryGetValue(Monitoring.MonitoringLabels.Severity, out var s) ? s : null;

    /// <summary>How long it has gone without an ACK at <paramref name="now"/> (zero once acknowledged or resolved).</summary>
    public TimeSpan UnackedAge(DateTimeOffset now) => State == IncidentState.Open && now > OpenedAt ? now - OpenedAt : TimeSpan.Zero;
}
