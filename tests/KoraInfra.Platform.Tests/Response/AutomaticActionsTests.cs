using KoraInfra.Platform.Response;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Platform.Tests.Response;

/// <summary>The seed's "Acao automatica" column, rule by rule.</summary>
public sealed class AutomaticActionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));

    private Incident Open(string name, string severity, params (string, string)[] extra) =>
        IncidentLifecycle.Open(Alerts.Firing(name, severity, Alerts.TenantA, "a1b2c3d4e5f60708", extra), PriorityMapping.Default, _clock.GetUtcNow());

    [Fact]
    public void Coverage_critical_turns_the_components_flag_off_and_nothing_else()
    {
        var due = AutomaticActions.Due(Open("StructuredLogCoverageLow", "critical", ("flow_id", "F-03")), _clock.GetUtcNow());

        var action = Assert.Single(due);
        Assert.Equal((ActionKind.ComponentFlagOff, "F-03", (Guid?)Alerts.TenantA), (action.Kind, action.Component, action.TenantId));
    }

    [Fact]
    public void Coverage_warning_takes_no_action()
    {
        Assert.Empty(AutomaticActions.Due(Open("StructuredLogCoverageLow", "warning", ("flow_id", "F-03")), _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("AckToEnqueueGapHigh")]
    [InlineData("AckToEnqueueGapSlowEvents")]
    public void Ack_to_enqueue_gap_critical_throttles_escalates_to_devops_and_degrades(string alert)
    {
        var due = AutomaticActions.Due(Open(alert, "critical"), _clock.GetUtcNow());

        Assert.Equal([ActionKind.Throttle, ActionKind.EscalateToDevops, ActionKind.DegradedMode], due.Select(d => d.Kind).ToArray());
    }

    [Fact]
    public void Fifteen_min_without_ack_on_a_critical_alert_is_safe_mode_a_critical_ticket_and_redundant_notification()
    {
        var incident = Open("ReplayBacklogHigh", "critical");

        Assert.Empty(AutomaticActions.Due(incident, incident.OpenedAt.AddMinutes(15).AddTicks(-1)));
        Assert.Equal(
            [ActionKind.SafeMode, ActionKind.CriticalTicket, ActionKind.RedundantNotification],
            AutomaticActions.Due(incident, incident.OpenedAt.AddMinutes(15)).Select(d => d.Kind).ToArray());
    }

    [Fact]
    public void An_ack_before_15_min_means_no_safe_mode()
    {
        var incident = IncidentLifecycle.Acknowledge(Open("ReplayBacklogHigh", "critical"), "ana", _clock.GetUtcNow().AddMinutes(14));

        Assert.Empty(AutomaticActions.Due(incident, incident.OpenedAt.AddHours(1)));
    }

    [Fact]
    public void A_high_alert_never_engages_safe_mode()
    {
        var incident = Open("ReplayBacklogHigh", "high");

        Assert.Empty(AutomaticActions.Due(incident, incident.OpenedAt.AddHours(2)));
    }

    [Fact]
    public void Actions_have_a_stable_key_so_asking_twice_is_one_action()
    {
        var incident = Open("AckToEnqueueGapHigh", "critical");
        var first = AutomaticActions.Due(incident, _clock.GetUtcNow()).Select(d => d.Key);
        var again = AutomaticActions.Due(incident, _clock.GetUtcNow().AddMinutes(3)).Select(d => d.Key);

        Assert.Equal(first, again);
        Assert.Equal(3, first.Distinct().Count());
    }

    [Fact]
    public void A_tenant_control_without_a_tenant_is_flagged_not_guessed()
    {
        var incident = IncidentLifecycle.Open(Alerts.Firing("AckToEnqueueGapHigh", "critical"), PriorityMapping.Default, _clock.GetUtcNow());
        var due = AutomaticActions.Due(incident, _clock.GetUtcNow());

        Assert.True(due.Single(d => d.Kind == ActionKind.Throttle).MissingTenant);
        Assert.False(due.Single(d => d.Kind == ActionKind.EscalateToDevops).MissingTenant);
    }
}
