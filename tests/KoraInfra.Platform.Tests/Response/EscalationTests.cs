using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Response;

/// <summary>The chain with a fake clock: "P0 sem ACK interno por &gt; 5 min" climbs superadmin -> devops -> gestao, one step at a time.</summary>
public sealed class EscalationTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));

    private Incident P0() => IncidentLifecycle.Open(Alerts.Firing("ReplayBacklogHigh", "critical", Alerts.TenantA), PriorityMapping.Default, _clock.GetUtcNow());

    [Fact]
    public void No_ack_escalates_to_devops_after_more_than_5_min_then_to_management()
    {
        var incident = P0();
        var sent = new List<EscalationLevel>();
        for (var second = 0; second <= 30 * 60; second += 15)
        {
            if (EscalationPolicy.Due(incident, _clock.GetUtcNow()) is { } level)
            {
                sent.Add(level);
                incident = IncidentLifecycle.Escalated(incident, level, _clock.GetUtcNow());
                Assert.True(_clock.GetUtcNow() - incident.OpenedAt > TimeSpan.FromMinutes(5 * sent.Count), $"escalation {sent.Count} came at {_clock.GetUtcNow() - incident.OpenedAt}");
            }

            _clock.Advance(TimeSpan.FromSeconds(15));
        }

        Assert.Equal([EscalationLevel.Devops, EscalationLevel.Management], sent);
    }

    [Fact]
    public void Exactly_5_min_is_not_more_than_5_min()
    {
        var incident = P0();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(EscalationPolicy.Due(incident, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(EscalationLevel.Devops, EscalationPolicy.Due(incident, _clock.GetUtcNow()));
    }

    [Fact]
    public void An_ack_stops_the_escalation()
    {
        var incident = P0();
        _clock.Advance(TimeSpan.FromMinutes(6));
        incident = IncidentLifecycle.Escalated(incident, EscalationLevel.Devops, _clock.GetUtcNow());
        incident = IncidentLifecycle.Acknowledge(incident, "ana", _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(EscalationPolicy.Due(incident, _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("high")]
    [InlineData("warning")]
    public void Only_p0_escalates(string severity)
    {
        var incident = IncidentLifecycle.Open(Alerts.Firing("ReplayBacklogHigh", severity), PriorityMapping.Default, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Null(EscalationPolicy.Due(incident, _clock.GetUtcNow()));
    }

    [Fact]
    public void The_no_ack_matrix_is_warning_5_high_10_critical_15_min()
    {
        var incident = P0();
        AlertSeverity? At(int minutes) => NoAckMatrix.StepAt(incident, incident.OpenedAt.AddMinutes(minutes));

        Assert.Equal([null, AlertSeverity.Warning, AlertSeverity.Warning, AlertSeverity.High, AlertSeverity.Critical], new[] { At(4), At(5), At(9), At(10), At(15) });
        Assert.Equal(TimeSpan.FromMinutes(15), NoAckMatrix.SafeModeAfter);
    }

    [Fact]
    public void Escalation_alerts_carry_the_step_and_the_incident()
    {
        var incident = P0() with { Id = 42 };
        var labels = EscalationAlert.Labels(incident, EscalationAlert.Step(EscalationLevel.Devops), "p0-no-ack");

        Assert.Equal("KoraIncidentEscalation", labels["alertname"]);
        Assert.Equal("devops", labels["escalation"]);
        Assert.Equal("42", labels["incident"]);
        Assert.Equal(Alerts.TenantA.ToString(), labels["tenant_id"]);
        Assert.False(labels.ContainsKey("severity"), "an escalation goes by its step, not by the severity routes");
    }
}
