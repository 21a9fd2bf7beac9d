using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>What the rendered files must be whatever the tools say: stable, secret-free, linked to the runbook.</summary>
public sealed class RenderingTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_same_settings_render_byte_identical_files(string stack)
    {
        var first = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require()).RenderFiles();
        var second = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require()).RenderFiles();

        Assert.Equal(["kora-signals.rules.yml", "kora-alerts.rules.yml", "kora-response.rules.yml", "alertmanager.yml"], first.Select(f => f.Key));
        Assert.Equal(first.Select(f => f.Value), second.Select(f => f.Value));
    }

    [Fact]
    public void Different_thresholds_render_different_rules()
    {
        var settings = StackFiles.Validate(Repository.StackFile("prod")).Require();
        var tuned = settings with { Monitoring = settings.Monitoring with { RedisFallbackRate = new(0.06, 0.2) } };

        var rules = MonitoringPlan.For(tuned).RenderFiles().Single(f => f.Key == "kora-alerts.rules.yml").Value;

        Assert.Contains("expr: kora:redis_fallback:ratio_rate15m > 0.06\n", rules, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Webhook_urls_are_read_from_vault_mounted_files_never_written(string stack)
    {
        var settings = StackFiles.Validate(Repository.StackFile(stack)).Require();
        var text = MonitoringPlan.For(settings).RenderFiles().Single(f => f.Key == "alertmanager.yml").Value;

        // The one written URL is the responder's in-cluster address, which carries no credential:
        // its bearer token is read from a vault-mounted file (credentials_file).
        var responderUrl = $"url: {KoraInfra.Platform.Response.ResponderEndpoint.WebhookUrl}\n";
        Assert.Contains(responderUrl, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", KoraInfra.Platform.Response.ResponderEndpoint.WebhookUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("?", KoraInfra.Platform.Response.ResponderEndpoint.WebhookUrl, StringComparison.Ordinal);
        var rest = text.Replace(responderUrl, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(" url:", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("://", rest.Replace("https://", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var receiver in settings.AlertReceivers.Where(r => r.Channel == ReceiverChannel.Webhook))
        {
            Assert.Contains($"url_file: {ReceiverSecrets.MountPath}/{receiver.UrlSecretName}\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_carries_severity_priority_runbook_and_summary()
    {
        var plan = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile("prod")).Require());
        var rules = plan.RuleFiles.Single(f => f.Name == PrometheusRules.AlertsFile).Groups
            .SelectMany(g => (IEnumerable<YamlMap>)g["rules"]).ToList();

        Assert.Equal(AlertCatalogue.For(MonitoringSettings.Defaults).Sum(a => a.Steps.Count), rules.Count);
        Assert.All(rules, r =>
        {
            var labels = (YamlMap)r["labels"];
            var annotations = (YamlMap)r["annotations"];
            Assert.True(labels.ContainsKey("severity") && labels.ContainsKey("priority"));
            Assert.True(annotations.ContainsKey("summary") && annotations.ContainsKey("runbook_url"));
        });
    }

    [Fact]
    public void Critical_inhibits_high_and_warning_and_high_inhibits_warning_for_the_same_alert_and_tenant()
    {
        var config = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile("prod")).Require()).Alertmanager;
        var rules = ((IEnumerable<YamlMap>)config["inhibit_rules"]).ToList();

        Assert.Equal(
            ["severity=\"high\" > severity=\"warning\"", "severity=\"critical\" > severity=~\"warning|high\""],
            rules.Select(r => $"{((string[])r["source_matchers"]).Single()} > {((string[])r["target_matchers"]).Single()}"));
        Assert.All(rules, r => Assert.Equal(["alertname", "tenant_id"], (IEnumerable<string>)r["equal"]));
        Assert.Equal(["tenant_id", "alertname"], (IEnumerable<string>)((YamlMap)config["route"])["group_by"]);
    }
}
