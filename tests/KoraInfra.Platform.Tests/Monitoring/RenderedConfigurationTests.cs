using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>
/// The rendered rule files and Alertmanager configuration, in process and word for word, from
/// settings built here (not the committed stack files). The tool tests prove promtool and amtool
/// accept and route them; these pin every threshold, operator, duration, label, annotation,
/// route and receiver, so mutation testing can judge the renderers without starting a tool.
/// </summary>
public sealed class RenderedConfigurationTests
{
    private static readonly Uri Runbooks = new("https://runbooks.example.com/kora/");

    private static readonly IReadOnlyList<AlertReceiverSettings> Receivers =
    [
        new("first", EscalationLevel.Superadmin, ReceiverChannel.Webhook, null, "first-url"),
        new("ops-mail", EscalationLevel.Devops, ReceiverChannel.Email, "ops@example.com", null),
        new("boss", EscalationLevel.Management, ReceiverChannel.Webhook, null, "boss-url"),
    ];

    // Raw literals end before their last newline; the rendered files end with one.
    private const string Alertmanager = """
        # h
        global:
          resolve_timeout: 5m
          smtp_smarthost: smtp.example.com:587
          smtp_from: alerts@example.com
        route:
          receiver: first
          group_by:
          - tenant_id
          - alertname
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
          routes:
          - receiver: kora-responder
            matchers:
            - severity=~"warning|high|critical"
            - alertname!="KoraIncidentEscalation"
            group_wait: 0s
            continue: true
          - receiver: blackhole
            matchers:
            - severity=~"info|none"
          - matchers:
            - alertname="KoraIncidentEscalation"
            group_by:
            - incident
            - escalation
            group_wait: 0s
            repeat_interval: 5m
            routes:
            - matchers:
              - escalation="superadmin"
              routes:
              - receiver: first
                continue: true
            - matchers:
              - escalation="devops"
              routes:
              - receiver: ops-mail
                continue: true
            - matchers:
              - escalation="management"
              routes:
              - receiver: boss
                continue: true
            - matchers:
              - escalation="all"
              routes:
              - receiver: first
                continue: true
              - receiver: ops-mail
                continue: true
              - receiver: boss
                continue: true
          - matchers:
            - escalation="management"
            continue: true
            routes:
            - receiver: boss
              continue: true
          - matchers:
            - severity="critical"
            group_wait: 10s
            repeat_interval: 5m
            routes:
            - receiver: first
              continue: true
            - receiver: ops-mail
              continue: true
          - matchers:
            - severity="high"
            group_wait: 30s
            repeat_interval: 15m
            routes:
            - receiver: first
              continue: true
            - receiver: ops-mail
              continue: true
          - matchers:
            - severity="warning"
            group_wait: 30s
            repeat_interval: 4h
            routes:
            - receiver: first
              continue: true
        inhibit_rules:
        - source_matchers:
          - severity="high"
          target_matchers:
          - severity="warning"
          equal:
          - alertname
          - tenant_id
        - source_matchers:
          - severity="critical"
          target_matchers:
          - severity=~"warning|high"
          equal:
          - alertname
          - tenant_id
        receivers:
        - name: first
          webhook_configs:
          - url_file: /etc/alertmanager/receiver-urls/first-url
            send_resolved: true
        - name: ops-mail
          email_configs:
          - to: ops@example.com
            send_resolved: true
        - name: boss
          webhook_configs:
          - url_file: /etc/alertmanager/receiver-urls/boss-url
            send_resolved: true
        - name: kora-responder
          webhook_configs:
          - url: http://kora-responder.kora-response.svc.cluster.local:8080/api/v1/alertmanager/webhook
            send_resolved: true
            max_alerts: 500
            http_config:
              authorization:
                type: Bearer
                credentials_file: /etc/alertmanager/receiver-urls/responder-webhook-token
        - name: blackhole
        """;

    private const string Alerts = """
        # h
        groups:
        - name: kora.alerts
          interval: 1m
          rules:
          - alert: StructuredLogCoverageLow
            expr: kora:structured_log_coverage:ratio_rate5m < 0.995
            for: 10m
            labels:
              severity: warning
              priority: P2
            annotations:
              summary: Structured-log coverage (correlation_id, tenant_id, contact_id, flow_id, status, ts) of a flow F-01..F-06 is low for 15 min (< 99.5%)
              runbook_url: https://runbooks.example.com/kora/incident.md#structured-log-coverage
              source: 'seed 6: Logs estruturados'
          - alert: StructuredLogCoverageLow
            expr: kora:structured_log_coverage:ratio_rate5m < 0.98
            for: 10m
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: Structured-log coverage (correlation_id, tenant_id, contact_id, flow_id, status, ts) of a flow F-01..F-06 is low for 15 min (< 98%)
              runbook_url: https://runbooks.example.com/kora/incident.md#structured-log-coverage
              source: 'seed 6: Logs estruturados'
          - alert: AckToEnqueueGapHigh
            expr: kora:ack_to_enqueue_gap_seconds:p95_rate15m > 120
            labels:
              severity: warning
              priority: P2
            annotations:
              summary: ack_to_enqueue_gap p95 over 15 min is high (p95 > 2 min)
              runbook_url: https://runbooks.example.com/kora/incident.md#ack-to-enqueue-gap
              source: 'seed 6: Metricas de saude'
          - alert: AckToEnqueueGapHigh
            expr: kora:ack_to_enqueue_gap_seconds:p95_rate15m > 300
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: ack_to_enqueue_gap p95 over 15 min is high (p95 > 5 min)
              runbook_url: https://runbooks.example.com/kora/incident.md#ack-to-enqueue-gap
              source: 'seed 6: Metricas de saude'
          - alert: AckToEnqueueGapSlowEvents
            expr: kora:ack_to_enqueue_gap_over_5m:increase15m > 20
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: More than 20 events in 15 min took over 5 min from ACK to enqueue (> 20 eventos/15 min)
              runbook_url: https://runbooks.example.com/kora/incident.md#ack-to-enqueue-gap
              source: 'seed 6: Metricas de saude'
          - alert: ReplayBacklogHigh
            expr: kora:replay_backlog:max > 30
            labels:
              severity: warning
              priority: P2
            annotations:
              summary: replay_backlog is high (> 30)
              runbook_url: https://runbooks.example.com/kora/incident.md#replay-backlog
              source: 'seed 6: Alertas criticos'
          - alert: ReplayBacklogHigh
            expr: kora:replay_backlog:max > 80
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: replay_backlog is high (> 80)
              runbook_url: https://runbooks.example.com/kora/incident.md#replay-backlog
              source: 'seed 6: Alertas criticos'
          - alert: RedisFallbackRateHigh
            expr: kora:redis_fallback:ratio_rate15m > 0.05
            labels:
              severity: warning
              priority: P2
            annotations:
              summary: redis_fallback_rate over 15 min is high (> 5%)
              runbook_url: https://runbooks.example.com/kora/incident.md#redis-fallback
              source: 'seed 6: Metricas de saude; kora-infra:monitoring.redisFallbackRate'
          - alert: RedisFallbackRateHigh
            expr: kora:redis_fallback:ratio_rate15m > 0.2
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: redis_fallback_rate over 15 min is high (> 20%)
              runbook_url: https://runbooks.example.com/kora/incident.md#redis-fallback
              source: 'seed 6: Metricas de saude; kora-infra:monitoring.redisFallbackRate'
          - alert: TakeoverSlaBreachRateHigh
            expr: kora:takeover_sla_breach:ratio_rate15m > 0.05
            labels:
              severity: warning
              priority: P2
            annotations:
              summary: takeover_sla_breach_rate over 15 min is high (> 5%)
              runbook_url: https://runbooks.example.com/kora/incident.md#takeover-sla-breach
              source: 'seed 6: Metricas de saude; kora-infra:monitoring.takeoverSlaBreachRate'
          - alert: TakeoverSlaBreachRateHigh
            expr: kora:takeover_sla_breach:ratio_rate15m > 0.1
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: takeover_sla_breach_rate over 15 min is high (> 10%)
              runbook_url: https://runbooks.example.com/kora/incident.md#takeover-sla-breach
              source: 'seed 6: Metricas de saude; kora-infra:monitoring.takeoverSlaBreachRate'
          - alert: CriticalAlertNotAcknowledged
            expr: kora:critical_alert_unacked_age_seconds:max >= 300
            labels:
              severity: warning
              priority: P2
            annotations:
              summary: A critical alert (no_ack_critical_alert) has no ACK (5 min)
              runbook_url: https://runbooks.example.com/kora/incident.md#no-ack
              source: 'seed 6: Alertas criticos'
          - alert: CriticalAlertNotAcknowledged
            expr: kora:critical_alert_unacked_age_seconds:max >= 600
            labels:
              severity: high
              priority: P1
            annotations:
              summary: A critical alert (no_ack_critical_alert) has no ACK (10 min)
              runbook_url: https://runbooks.example.com/kora/incident.md#no-ack
              source: 'seed 6: Alertas criticos'
          - alert: CriticalAlertNotAcknowledged
            expr: kora:critical_alert_unacked_age_seconds:max >= 900
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: A critical alert (no_ack_critical_alert) has no ACK (15 min)
              runbook_url: https://runbooks.example.com/kora/incident.md#no-ack
              source: 'seed 6: Alertas criticos'
          - alert: SafeModeNotEngaged
            expr: kora:critical_alert_unacked_age_seconds:max >= 900 unless on (tenant_id) (kora:safe_mode_active:max == 1)
            labels:
              severity: critical
              priority: P0
            annotations:
              summary: A critical alert has had no ACK for 15 min and the tenant is not in safe mode (15 min sem ACK)
              runbook_url: https://runbooks.example.com/kora/incident.md#safe-mode
              source: 'seed 6: Alertas criticos (safe mode aos 15 min sem ACK)'
          - alert: P0AlertNotAcknowledged
            expr: kora:p0_incident_unacked_age_seconds:max > 300
            labels:
              severity: critical
              priority: P0
              escalation: management
            annotations:
              summary: 'A P0 alert has had no internal ACK for more than 5 min: escalating along superadmin -> devops -> management (> 5 min)'
              runbook_url: https://runbooks.example.com/kora/incident.md#p0-escalation
              source: 'seed 6: On-call'
        - name: kora.n8n-ha-reopen
          interval: 1m
          rules:
          - alert: N8nHaReopenP0Incidents
            expr: kora:p0_incidents:increase14d >= 2
            labels:
              severity: high
              priority: P1
              escalation: management
              risk: R-DO-005
            annotations:
              summary: 'At least 2 P0 incidents in 14 days: the deferred n8n HA decision (PC-P1-01) must be reopened (>=2 incidentes P0 em 14 dias)'
              runbook_url: https://runbooks.example.com/kora/incident.md#n8n-ha-reopen-trigger
              source: risk R-DO-005
          - alert: N8nHaReopenReplayCritical
            expr: kora:replay_backlog:max > 80
            for: 3d
            labels:
              severity: high
              priority: P1
              escalation: management
              risk: R-DO-005
            annotations:
              summary: 'replay_backlog has been critical (> 80) for 3 days: the deferred n8n HA decision (PC-P1-01) must be reopened (replay critico por 3 dias)'
              runbook_url: https://runbooks.example.com/kora/incident.md#n8n-ha-reopen-trigger
              source: risk R-DO-005
        """;

    private const string SignalRules = """
        # h
        groups:
        - name: kora.signals
          interval: 1m
          rules:
          - record: kora:structured_log_coverage:ratio_rate5m
            expr: sum by (tenant_id, flow_id) (rate(kora_flow_log_records_complete_total{flow_id=~"F-0[1-6]"}[5m])) / sum by (tenant_id, flow_id) (rate(kora_flow_log_records_total{flow_id=~"F-0[1-6]"}[5m]))
          - record: kora:ack_to_enqueue_gap_seconds:p95_rate15m
            expr: histogram_quantile(0.95, sum by (tenant_id, le) (rate(kora_ack_to_enqueue_gap_seconds_bucket[15m])))
          - record: kora:ack_to_enqueue_gap_over_5m:increase15m
            expr: sum by (tenant_id) (increase(kora_ack_to_enqueue_gap_seconds_count[15m])) - sum by (tenant_id) (increase(kora_ack_to_enqueue_gap_seconds_bucket{le="300"}[15m]))
          - record: kora:replay_backlog:max
            expr: max by (tenant_id) (kora_replay_backlog)
          - record: kora:redis_fallback:ratio_rate15m
            expr: sum by (tenant_id) (rate(kora_redis_fallback_total[15m])) / sum by (tenant_id) (rate(kora_redis_operations_total[15m]))
          - record: kora:takeover_sla_breach:ratio_rate15m
            expr: sum by (tenant_id) (rate(kora_takeover_sla_breaches_total[15m])) / sum by (tenant_id) (rate(kora_takeovers_total[15m]))
          - record: kora:critical_alert_unacked_age_seconds:max
            expr: max by (tenant_id) (kora_critical_alert_unacked_age_seconds)
          - record: kora:safe_mode_active:max
            expr: max by (tenant_id) (kora_safe_mode_active)
          - record: kora:p0_incident_unacked_age_seconds:max
            expr: max by (tenant_id) (kora_incident_unacked_age_seconds{priority="P0"})
          - record: kora:p0_incidents:increase14d
            expr: sum(increase(kora_incidents_opened_total{priority="P0"}[14d]))
        """;

    private static string File(string name) =>
        PrometheusRules.For(MonitoringSettings.Defaults with { RunbookBaseUrl = Runbooks }).Select(f => (f.FileName, Text: YamlRendering.Render(f.Document, "h"))).Single(f => f.FileName == name).Text;

    [Fact]
    public void The_alertmanager_configuration_is_rendered_exactly()
    {
        var settings = MonitoringSettings.Defaults with { Smtp = new SmtpSettings("smtp.example.com:587", "alerts@example.com") };

        Assert.Equal(Alertmanager + "\n", YamlRendering.Render(AlertRouting.For(Receivers, settings), "h"));
    }

    [Fact]
    public void Without_management_or_a_relay_there_is_no_management_route_and_no_smtp()
    {
        var receivers = new List<AlertReceiverSettings>
        {
            Receivers[0],
            Receivers[1],
            new("ops-hook", EscalationLevel.Devops, ReceiverChannel.Webhook, null, "ops-url"),
        };

        var config = AlertRouting.For(receivers, MonitoringSettings.Defaults);

        Assert.Equal(["resolve_timeout"], ((YamlMap)config["global"]).Select(e => e.Key));
        var routes = (List<YamlMap>)((YamlMap)config["route"])["routes"];
        Assert.Equal(6, routes.Count);
        Assert.DoesNotContain(routes, r => r.ContainsKey("matchers") && ((string[])r["matchers"]).Contains("escalation=\"management\""));
        Assert.Equal(["first", "ops-mail", "ops-hook"], AlertRouting.ReceiversFor(AlertSeverity.Critical, receivers));
        Assert.Equal(["first"], AlertRouting.ReceiversFor(AlertSeverity.Warning, receivers));
        Assert.Equal(["first", "ops-mail", "ops-hook"], AlertRouting.ReceiversFor(AlertSeverity.High, receivers));
    }

    [Fact]
    public void A_critical_alert_that_would_reach_one_receiver_is_refused()
    {
        var one = new List<AlertReceiverSettings> { Receivers[0], Receivers[2] };

        var failure = Assert.Throws<ArgumentException>(() => AlertRouting.For(one, MonitoringSettings.Defaults));

        Assert.StartsWith("a critical alert must reach two receivers; the settings binder guarantees it", failure.Message, StringComparison.Ordinal);
        Assert.Equal("receivers", failure.ParamName);
        Assert.NotNull(AlertRouting.For([Receivers[0], Receivers[1]], MonitoringSettings.Defaults));
    }

    [Fact]
    public void Each_severity_climbs_the_chain_and_repeats_at_its_ack_sla()
    {
        Assert.Equal([EscalationLevel.Superadmin], AlertRouting.LevelsFor(AlertSeverity.Warning));
        Assert.Equal([EscalationLevel.Superadmin, EscalationLevel.Devops], AlertRouting.LevelsFor(AlertSeverity.High));
        Assert.Equal([EscalationLevel.Superadmin, EscalationLevel.Devops], AlertRouting.LevelsFor(AlertSeverity.Critical));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertRouting.LevelsFor((AlertSeverity)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertRouting.RepeatInterval((AlertSeverity)4));
        Assert.Equal(["warning", "high", "critical"], AlertSeverities.All.Select(s => s.Label()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AlertSeverity)0).Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AlertSeverity)0).Priority());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Comparison)9).Operator());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Comparison)9).Breaches(1, 1));
    }

    [Fact]
    public void The_alerting_rules_are_rendered_exactly()
    {
        Assert.Equal(Alerts + "\n", File(PrometheusRules.AlertsFile + ".rules.yml"));
    }

    [Fact]
    public void The_recording_rules_are_rendered_exactly_once_each_in_the_catalogue_order()
    {
        Assert.Equal(SignalRules + "\n", File(PrometheusRules.SignalsFile + ".rules.yml"));
    }

    [Fact]
    public void The_rule_files_are_the_signals_the_alerts_and_the_responders_in_that_order()
    {
        Assert.Equal(["kora-signals.rules.yml", "kora-alerts.rules.yml", "kora-response.rules.yml"], PrometheusRules.For(MonitoringSettings.Defaults).Select(f => f.FileName));
    }

    [Fact]
    public void Each_rung_carries_severity_priority_and_the_alerts_own_labels_in_order()
    {
        var alert = AlertCatalogue.For(MonitoringSettings.Defaults).Single(a => a.Name == "N8nHaReopenP0Incidents");

        Assert.Equal(
            ["severity=high", "priority=P1", "escalation=management", "risk=R-DO-005"],
            PrometheusRules.LabelsOf(alert, alert.Steps[0]).Select(l => $"{l.Key}={l.Value}"));
        Assert.Equal(
            ["summary=At least 2 P0 incidents in 14 days: the deferred n8n HA decision (PC-P1-01) must be reopened (>=2 incidentes P0 em 14 dias)", "runbook_url=https://runbooks.example.com/kora/incident.md#n8n-ha-reopen-trigger", "source=risk R-DO-005"],
            PrometheusRules.AnnotationsOf(alert, alert.Steps[0], Runbooks).Select(l => $"{l.Key}={l.Value}"));
        Assert.Equal(AlertCatalogue.ReopenGroup, AlertCatalogue.GroupOf(alert));
        Assert.Equal(AlertCatalogue.HealthGroup, AlertCatalogue.GroupOf(AlertCatalogue.For(MonitoringSettings.Defaults).Single(a => a.Name == "P0AlertNotAcknowledged")));
    }
}
