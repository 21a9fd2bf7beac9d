using KoraInfra.Platform.Response;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Response;

public sealed class IncidentLifecycleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 10, 12, 0, 30, TimeSpan.Zero));

    [Fact]
    public void Open_ack_resolve_records_who_and_when_for_every_transition()
    {
        var incident = IncidentLifecycle.Open(Alerts.Firing("ReplayBacklogHigh", "critical", Alerts.TenantA), PriorityMapping.Default, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(3));
        incident = IncidentLifecycle.Acknowledge(incident, "ana", _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(7));
        incident = IncidentLifecycle.Resolve(incident, "ana", "rolled back the replay worker", _clock.GetUtcNow());

        Assert.Equal(Priority.P0, incident.Priority);
        Assert.Equal(Alerts.TenantA, incident.TenantId);
        Assert.Equal(IncidentState.Resolved, incident.State);
        Assert.Equal(
            [(null, IncidentState.Open, "responder"), (IncidentState.Open, IncidentState.Acknowledged, "ana"), (IncidentState.Acknowledged, IncidentState.Resolved, "ana")],
            incident.Transitions.Select(t => (t.From, t.To, t.Who)).ToArray());
        Assert.Equal(_clock.GetUtcNow().AddMinutes(-7), incident.AckedAt);
        Assert.Equal("rolled back the replay worker", incident.Transitions[^1].Why);
        Assert.Equal(incident.ResolvedAt, incident.ContainedAt);
    }

    [Fact]
    public void Transitions_the_state_does_not_allow_are_refused_with_the_reason()
    {
        var open = IncidentLifecycle.Open(Alerts.Firing("ReplayBacklogHigh", "warning"), PriorityMapping.Default, _clock.GetUtcNow());
        var acked = IncidentLifecycle.Acknowledge(open, "ana", _clock.GetUtcNow());
        var resolved = IncidentLifecycle.Resolve(acked, "bruno", "fixed", _clock.GetUtcNow());

        Assert.Contains("already acknowledged by ana", Assert.Throws<IncidentTransitionException>(() => IncidentLifecycle.Acknowledge(acked, "bruno", _clock.GetUtcNow())).Message, StringComparison.Ordinal);
        Assert.Contains("already resolved", Assert.Throws<IncidentTransitionException>(() => IncidentLifecycle.Resolve(resolved, "bruno", "again", _clock.GetUtcNow())).Message, StringComparison.Ordinal);
        Assert.Contains("--who NAME", Assert.Throws<IncidentTransitionException>(() => IncidentLifecycle.Acknowledge(open, " ", _clock.GetUtcNow())).Message, StringComparison.Ordinal);
        Assert.Contains("--why TEXT", Assert.Throws<IncidentTransitionException>(() => IncidentLifecycle.Resolve(open, "ana", "", _clock.GetUtcNow())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_without_a_tenant_uuid_opens_an_incident_without_a_tenant()
    {
        var incident = IncidentLifecycle.Open(Alerts.Firing("ReplayBacklogHigh", "critical", null, "a1b2c3d4e5f60708", ("tenant_id", "tenant-a")), PriorityMapping.Default, _clock.GetUtcNow());

        Assert.Null(incident.TenantId);
    }
}
