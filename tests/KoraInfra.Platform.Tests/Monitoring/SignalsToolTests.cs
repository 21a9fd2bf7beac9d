using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Monitoring.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>
/// The recording rules compute each signal from the metrics of the contract
/// (docs/monitoring/metrics-contract.md), judged by the real <c>promtool test rules</c>. Values
/// are chosen to be exact in binary floating point.
/// </summary>
public sealed class SignalsToolTests
{
    private const string Tests = """
        rule_files: [kora-signals.rules.yml]
        evaluation_interval: 1m
        tests:
          - name: coverage counts only F-01..F-06 and is per tenant and flow
            interval: 1m
            input_series:
              - series: 'kora_flow_log_records_total{tenant_id="tenant-a", flow_id="F-01"}'
                values: '0+4x30'
              - series: 'kora_flow_log_records_complete_total{tenant_id="tenant-a", flow_id="F-01"}'
                values: '0+3x30'
              - series: 'kora_flow_log_records_total{tenant_id="tenant-a", flow_id="F-07"}'
                values: '0+4x30'
              - series: 'kora_flow_log_records_complete_total{tenant_id="tenant-a", flow_id="F-07"}'
                values: '0+0x30'
            promql_expr_test:
              - expr: kora:structured_log_coverage:ratio_rate5m
                eval_time: 20m
                exp_samples:
                  - labels: 'kora:structured_log_coverage:ratio_rate5m{tenant_id="tenant-a", flow_id="F-01"}'
                    value: 0.75
          - name: ack_to_enqueue_gap p95 and events over 5 minutes
            interval: 1m
            input_series:
              - series: 'kora_ack_to_enqueue_gap_seconds_bucket{tenant_id="tenant-a", le="60"}'
                values: '0+50x30'
              - series: 'kora_ack_to_enqueue_gap_seconds_bucket{tenant_id="tenant-a", le="120"}'
                values: '0+90x30'
              - series: 'kora_ack_to_enqueue_gap_seconds_bucket{tenant_id="tenant-a", le="300"}'
                values: '0+98x30'
              - series: 'kora_ack_to_enqueue_gap_seconds_bucket{tenant_id="tenant-a", le="+Inf"}'
                values: '0+100x30'
              - series: 'kora_ack_to_enqueue_gap_seconds_count{tenant_id="tenant-a"}'
                values: '0+100x30'
            promql_expr_test:
              - expr: round(kora:ack_to_enqueue_gap_seconds:p95_rate15m, 0.01)
                eval_time: 20m
                exp_samples:
                  # rank 95 of 100 lies 5/8 into the (120, 300] bucket: 120 + 180 * 5/8.
                  - labels: '{tenant_id="tenant-a"}'
                    value: 232.5
              - expr: kora:ack_to_enqueue_gap_over_5m:increase15m
                eval_time: 20m
                exp_samples:
                  # 2 events a minute above 300 s, over 15 minutes.
                  - labels: 'kora:ack_to_enqueue_gap_over_5m:increase15m{tenant_id="tenant-a"}'
                    value: 30
          - name: gauges take the worst instance per tenant
            interval: 1m
            input_series:
              - series: 'kora_replay_backlog{tenant_id="tenant-a", pod="a"}'
                values: '10x5'
              - series: 'kora_replay_backlog{tenant_id="tenant-a", pod="b"}'
                values: '40x5'
              - series: 'kora_critical_alert_unacked_age_seconds{tenant_id="tenant-a", pod="a"}'
                values: '600x5'
              - series: 'kora_safe_mode_active{tenant_id="tenant-a", pod="a"}'
                values: '1x5'
              - series: 'kora_incident_unacked_age_seconds{tenant_id="tenant-a", priority="P0"}'
                values: '301x5'
              - series: 'kora_incident_unacked_age_seconds{tenant_id="tenant-a", priority="P1"}'
                values: '9000x5'
            promql_expr_test:
              - expr: kora:replay_backlog:max
                eval_time: 2m
                exp_samples:
                  - labels: 'kora:replay_backlog:max{tenant_id="tenant-a"}'
                    value: 40
              - expr: kora:critical_alert_unacked_age_seconds:max
                eval_time: 2m
                exp_samples:
                  - labels: 'kora:critical_alert_unacked_age_seconds:max{tenant_id="tenant-a"}'
                    value: 600
              - expr: kora:safe_mode_active:max
                eval_time: 2m
                exp_samples:
                  - labels: 'kora:safe_mode_active:max{tenant_id="tenant-a"}'
                    value: 1
              - expr: kora:p0_incident_unacked_age_seconds:max
                eval_time: 2m
                exp_samples:
                  - labels: 'kora:p0_incident_unacked_age_seconds:max{tenant_id="tenant-a"}'
                    value: 301
          - name: fallback and takeover rates are fractions per tenant
            interval: 1m
            input_series:
              - series: 'kora_redis_operations_total{tenant_id="tenant-a"}'
                values: '0+8x30'
              - series: 'kora_redis_fallback_total{tenant_id="tenant-a"}'
                values: '0+2x30'
              - series: 'kora_takeovers_total{tenant_id="tenant-a"}'
                values: '0+8x30'
              - series: 'kora_takeover_sla_breaches_total{tenant_id="tenant-a"}'
                values: '0+1x30'
            promql_expr_test:
              - expr: kora:redis_fallback:ratio_rate15m
                eval_time: 20m
                exp_samples:
                  - labels: 'kora:redis_fallback:ratio_rate15m{tenant_id="tenant-a"}'
                    value: 0.25
              - expr: kora:takeover_sla_breach:ratio_rate15m
                eval_time: 20m
                exp_samples:
                  - labels: 'kora:takeover_sla_breach:ratio_rate15m{tenant_id="tenant-a"}'
                    value: 0.125
          - name: P0 incidents in 14 days count P0 only, across tenants
            interval: 1h
            input_series:
              - series: 'kora_incidents_opened_total{tenant_id="tenant-a", priority="P0"}'
                values: '0 0 1 1 1 1 1'
              - series: 'kora_incidents_opened_total{tenant_id="tenant-b", priority="P0"}'
                values: '0 0 0 0 1 1 1'
              - series: 'kora_incidents_opened_total{tenant_id="tenant-a", priority="P1"}'
                values: '0 5 10 15 20 25 30'
            promql_expr_test:
              - expr: kora:p0_incidents:increase14d
                eval_time: 6h
                exp_samples:
                  - labels: 'kora:p0_incidents:increase14d'
                    value: 2
        """;

    [Fact]
    public void The_recording_rules_compute_each_signal_from_the_contract_metrics()
    {
        using var dir = new ScratchDirectory();
        var signals = PrometheusRules.For(MonitoringSettings.Defaults).Single(f => f.Name == PrometheusRules.SignalsFile);
        dir.Write(signals.FileName, YamlRendering.Render(signals.Document, "signals"));

        var run = MonitoringTool.Promtool.Run(dir.Path, "test", "rules", dir.Write("signals.test.yml", Tests));

        run.AssertSucceeded("promtool test rules (signals)");
    }
}
