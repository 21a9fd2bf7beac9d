using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Monitoring.Support;

namespace KoraInfra.Platform.Tests.Response;

/// <summary>The response-SLA alert judged by the real <c>promtool</c>: a breach fires it, no breach does not.</summary>
public sealed class ResponseAlertsToolTests
{
    [Fact]
    public void Promtool_accepts_the_rules_and_a_breach_fires_the_alert_while_none_does_not()
    {
        using var dir = new ScratchDirectory();
        var rules = ResponseAlerts.RuleFile(MonitoringSettings.DefaultRunbookBaseUrl);
        dir.Write(rules.FileName, YamlRendering.Render(rules.Document, "test"));
        MonitoringTool.Promtool.Run(dir.Path, "check", "rules", rules.FileName).AssertSucceeded("promtool check rules");

        var test = dir.Write("test.yml", $$"""
            rule_files: [{{rules.FileName}}]
            evaluation_interval: 1m
            tests:
              - interval: 1m
                input_series:
                  - series: 'kora_incident_sla_breaches_total{priority="P0",sla="ack"}'
                    values: '0 0 0 1 1 1 1 1'
                  - series: 'kora_incident_sla_breaches_total{priority="P1",sla="ack"}'
                    values: '0 0 0 0 0 0 0 0'
                alert_rule_test:
                  - eval_time: 2m
                    alertname: {{ResponseAlerts.AlertName}}
                    exp_alerts: []
                  - eval_time: 5m
                    alertname: {{ResponseAlerts.AlertName}}
                    exp_alerts:
                      - exp_labels: {priority: P0, sla: ack, severity: high}
                        exp_annotations:
                          summary: 'A P0 incident missed its ack SLA (P0: ACK operacional <= 5 min; contencao inicial <= 15 min; P1: ACK <= 15 min; contencao inicial <= 60 min; P2: ACK <= 4h uteis)'
                          runbook_url: '{{MonitoringSettings.DefaultRunbookBaseUrl}}incident.md#response-and-recovery-slas'
                          source: 'seed 7: SLA de resposta'
            """);

        MonitoringTool.Promtool.Run(dir.Path, "test", "rules", test).AssertSucceeded("promtool test rules");
    }

    [Fact]
    public void The_response_rules_are_a_file_of_their_own_beside_the_catalogues()
    {
        var files = PrometheusRules.For(MonitoringSettings.Defaults);

        Assert.Equal([PrometheusRules.SignalsFile, PrometheusRules.AlertsFile, ResponseAlerts.File], files.Select(f => f.Name).ToArray());
    }
}
