using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// The Alertmanager configuration: a route tree by severity along the seed's escalation chain
/// (superadmin -> devops -> gestao), redundant notification for critical alerts, grouping by
/// tenant, and inhibition of a lower severity by a higher one for the same alert and tenant.
/// </summary>
public static class AlertRouting
{
    /// <summary>The receiver that drops alerts meant for no one (the chart's <c>Watchdog</c>, <c>info</c> alerts).</summary>
    public const string Blackhole = "blackhole";

    private static readonly string[] NoOneToPage = ["severity=~\"info|none\""];

    /// <summary>Alerts are grouped per tenant and alert, so one tenant's storm is one notification and never mixes tenants.</summary>
    public static IReadOnlyList<string> GroupBy { get; } = [MonitoringLabels.TenantId, "alertname"];

    /// <summary>Labels that must be equal for a higher severity to inhibit a lower one.</summary>
    public static IReadOnlyList<string> InhibitionEqual { get; } = ["alertname", MonitoringLabels.TenantId];

    /// <summary>
    /// Who is paged at each severity: the chain is climbed as severity rises. A warning goes to
    /// the first step (superadmin); high and critical also reach DevOps on call; management is
    /// reached by escalation (<c>escalation="management"</c>), not by severity.
    /// </summary>
    public static IReadOnlyList<EscalationLevel> LevelsFor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Warning => [EscalationLevel.Superadmin],
        AlertSeverity.High or AlertSeverity.Critical => [EscalationLevel.Superadmin, EscalationLevel.Devops],
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>
    /// How often a still-firing alert is repeated: the ACK SLA of its priority (seed section 7:
    /// P0 ACK &lt;= 5 min, P1 &lt;= 15 min, P2 &lt;= 4h), so an unacknowledged alert is re-sent by the
    /// time its ACK is overdue.
    /// </summary>
    public static string RepeatInterval(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "5m",
        AlertSeverity.High => "15m",
        AlertSeverity.Warning => "4h",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>The receivers (by name) an alert of a severity reaches, without escalation.</summary>
    public static IReadOnlyList<string> ReceiversFor(AlertSeverity severity, IReadOnlyList<AlertReceiverSettings> receivers)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        var levels = LevelsFor(severity);
        return receivers.Where(r => levels.Contains(r.Level)).Select(r => r.Name).ToList();
    }

    /// <summary>The Alertmanager configuration document.</summary>
    public static YamlMap For(IReadOnlyList<AlertReceiverSettings> receivers, MonitoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        ArgumentNullException.ThrowIfNull(settings);
        if (ReceiversFor(AlertSeverity.Critical, receivers).Count < 2)
        {
            throw new ArgumentException("a critical alert must reach two receivers; the settings binder guarantees it", nameof(receivers));
        }

        var global = new YamlMap { { "resolve_timeout", "5m" } };
        if (settings.Smtp is { } smtp)
        {
            global.Add("smtp_smarthost", smtp.Smarthost);
            global.Add("smtp_from", smtp.From);
        }

        return new YamlMap
        {
            { "global", global },
            { "route", Root(receivers) },
            { "inhibit_rules", Inhibitions() },
            { "receivers", Receivers(receivers) },
        };
    }

    private static YamlMap Root(IReadOnlyList<AlertReceiverSettings> receivers)
    {
        var routes = new List<YamlMap>
        {
            // Every alert someone is paged for also reaches the responder (incidents, escalation,
            // automatic actions), and continues: humans are still notified directly below, so a
            // responder that is down never silences anything.
            ResponderRoute(),

            // Alerts with no one to page: the chart's heartbeat and informational alerts.
            new() { { "receiver", Blackhole }, { "matchers", NoOneToPage } },

            // The responder's escalations, one step of the chain each, in the chain's order.
            EscalationRoutes(receivers),
        };

        var management = receivers.Where(r => r.Level == EscalationLevel.Management).ToList();
        if (management.Count > 0)
        {
            // Escalations reach management and still flow on to the severity routes below.
            routes.Add(new YamlMap
            {
                { "matchers", new[] { $"{MonitoringLabels.Escalation}=\"management\"" } },
                { "continue", true },
                { "routes", FanOut(management.Select(r => r.Name).ToList()) },
            });
        }

        foreach (var severity in AlertSeverities.All.Reverse())
        {
            routes.Add(new YamlMap
            {
                { "matchers", new[] { $"{MonitoringLabels.Severity}=\"{severity.Label()}\"" } },
                { "group_wait", severity == AlertSeverity.Critical ? "10s" : "30s" },
                { "repeat_interval", RepeatInterval(severity) },
                { "routes", FanOut(ReceiversFor(severity, receivers)) },
            });
        }

        return new YamlMap
        {
            // An alert without a known severity still reaches the first step of the chain.
            { "receiver", receivers.First(r => r.Level == EscalationLevel.Superadmin).Name },
            { "group_by", GroupBy },
            { "group_wait", "30s" },
            { "group_interval", "5m" },
            { "repeat_interval", RepeatInterval(AlertSeverity.Warning) },
            { "routes", routes },
        };
    }

    /// <summary>The order of the responder's escalation steps as routed (superadmin first), and who each reaches.</summary>
    public static IReadOnlyList<(string Step, IReadOnlyList<EscalationLevel> Levels)> EscalationSteps { get; } =
    [
        (EscalationAlert.Step(EscalationLevel.Superadmin), [EscalationLevel.Superadmin]),
        (EscalationAlert.Step(EscalationLevel.Devops), [EscalationLevel.Devops]),
        (EscalationAlert.Step(EscalationLevel.Management), [EscalationLevel.Management]),
        (EscalationAlert.Everyone, [EscalationLevel.Superadmin, EscalationLevel.Devops, EscalationLevel.Management]),
    ];

    private static YamlMap ResponderRoute() => new()
    {
        { "receiver", ResponderEndpoint.ReceiverName },
        { "matchers", new[] { $"{MonitoringLabels.Severity}=~\"{string.Join('|', AlertSeverities.All.Select(s => s.Label()))}\"", $"alertname!=\"{EscalationAlert.AlertName}\"" } },
        { "group_wait", "0s" },
        { "continue", true },
    };

    private static YamlMap EscalationRoutes(IReadOnlyList<AlertReceiverSettings> receivers) => new()
    {
        { "matchers", new[] { $"alertname=\"{EscalationAlert.AlertName}\"" } },
        { "group_by", new[] { EscalationAlert.IncidentLabel, MonitoringLabels.Escalation } },
        { "group_wait", "0s" },
        { "repeat_interval", RepeatInterval(AlertSeverity.Critical) },
        {
            "routes", EscalationSteps.Select(step => new YamlMap
            {
                { "matchers", new[] { $"{MonitoringLabels.Escalation}=\"{step.Step}\"" } },
                { "routes", FanOut(receivers.Where(r => step.Levels.Contains(r.Level)).Select(r => r.Name).ToList()) },
            }).ToList()
        },
    };

    /// <summary>One child route per receiver, each continuing, so every receiver gets the alert.</summary>
    private static List<YamlMap> FanOut(IReadOnlyList<string> names) =>
        names.Select(n => new YamlMap { { "receiver", n }, { "continue", true } }).ToList();

    private static List<YamlMap> Inhibitions()
    {
        var rules = new List<YamlMap>();
        foreach (var higher in AlertSeverities.All.Skip(1))
        {
            var lower = AlertSeverities.All.Where(s => s < higher).Select(s => s.Label()).ToList();
            rules.Add(new YamlMap
            {
                { "source_matchers", new[] { $"{MonitoringLabels.Severity}=\"{higher.Label()}\"" } },
                { "target_matchers", new[] { lower.Count == 1 ? $"{MonitoringLabels.Severity}=\"{lower[0]}\"" : $"{MonitoringLabels.Severity}=~\"{string.Join('|', lower)}\"" } },
                { "equal", InhibitionEqual },
            });
        }

        return rules;
    }

    private static List<YamlMap> Receivers(IReadOnlyList<AlertReceiverSettings> receivers)
    {
        var result = new List<YamlMap>();
        foreach (var receiver in receivers)
        {
            var entry = new YamlMap { { "name", receiver.Name } };
            if (receiver.Channel == ReceiverChannel.Webhook)
            {
                entry.Add("webhook_configs", new[]
                {
                    new YamlMap { { "url_file", ReceiverSecrets.FileFor(receiver.UrlSecretName!) }, { "send_resolved", true } },
                });
            }
            else
            {
                entry.Add("email_configs", new[]
                {
                    new YamlMap { { "to", receiver.Address! }, { "send_resolved", true } },
                });
            }

            result.Add(entry);
        }

        result.Add(new YamlMap
        {
            { "name", ResponderEndpoint.ReceiverName },
            {
                "webhook_configs", new[]
                {
                    new YamlMap
                    {
                        { "url", ResponderEndpoint.WebhookUrl },
                        { "send_resolved", true },
                        { "max_alerts", ResponderEndpoint.MaxAlerts },
                        { "http_config", new YamlMap { { "authorization", new YamlMap { { "type", "Bearer" }, { "credentials_file", ReceiverSecrets.FileFor(ResponderEndpoint.WebhookTokenSecretName) } } } } },
                    },
                }
            },
        });
        result.Add(new YamlMap { { "name", Blackhole } });
        return result;
    }
}
