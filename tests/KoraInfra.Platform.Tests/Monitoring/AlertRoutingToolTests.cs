using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Monitoring.Support;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>The rendered Alertmanager configuration, judged by the real <c>amtool</c>.</summary>
public sealed class AlertRoutingToolTests
{
    public static TheoryData<string> Stacks => ["dev", "staging", "prod"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Amtool_accepts_the_configuration_of_each_stack(string stack)
    {
        using var dir = new ScratchDirectory();
        var file = RenderForAmtool(stack, dir);

        var run = MonitoringTool.Amtool.Run(dir.Path, "check-config", file);

        run.AssertSucceeded("amtool check-config");
        Assert.Contains("SUCCESS", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_severity_reaches_its_steps_of_the_chain_and_critical_reaches_two(string stack)
    {
        using var dir = new ScratchDirectory();
        var file = RenderForAmtool(stack, dir);
        var receivers = StackFiles.Validate(Repository.StackFile(stack)).Require().AlertReceivers;
        string[] AtLevels(params EscalationLevel[] levels) => receivers.Where(r => levels.Contains(r.Level)).Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();

        // Expectations written from the seed's chain (superadmin -> devops -> gestao), not from the renderer;
        // every paged alert also reaches the responder, and humans directly.
        string[] WithResponder(string[] humans) => humans.Append("kora-responder").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(WithResponder(AtLevels(EscalationLevel.Superadmin)), Route(dir, file, "severity=warning", "alertname=ReplayBacklogHigh", "tenant_id=tenant-a"));
        Assert.Equal(WithResponder(AtLevels(EscalationLevel.Superadmin, EscalationLevel.Devops)), Route(dir, file, "severity=high", "alertname=CriticalAlertNotAcknowledged", "tenant_id=tenant-a"));
        var critical = Route(dir, file, "severity=critical", "alertname=ReplayBacklogHigh", "tenant_id=tenant-a");
        Assert.Equal(WithResponder(AtLevels(EscalationLevel.Superadmin, EscalationLevel.Devops)), critical);
        Assert.True(critical.Count(r => r != "kora-responder") >= 2, $"a critical alert reaches {critical.Length - 1} human receiver(s)");
        Assert.Equal(["blackhole"], Route(dir, file, "severity=none", "alertname=Watchdog"));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Escalations_reach_management_and_every_catalogued_critical_alert_reaches_two(string stack)
    {
        using var dir = new ScratchDirectory();
        var file = RenderForAmtool(stack, dir);
        var settings = StackFiles.Validate(Repository.StackFile(stack)).Require();
        var management = settings.AlertReceivers.Where(r => r.Level == EscalationLevel.Management).Select(r => r.Name).ToList();
        Assert.NotEmpty(management);

        foreach (var alert in AlertCatalogue.For(settings.Monitoring))
        {
            foreach (var step in alert.Steps)
            {
                var labels = PrometheusRules.LabelsOf(alert, step).Select(l => $"{l.Key}={l.Value}")
                    .Append($"alertname={alert.Name}").Append("tenant_id=tenant-a").ToArray();
                var reached = Route(dir, file, labels);

                var humans = reached.Where(r => r != "kora-responder").ToArray();
                Assert.True(humans.Length >= (step.Severity == AlertSeverity.Critical ? 2 : 1), $"{alert.Name} {step.Severity} reaches only {string.Join(", ", reached)}");
                Assert.Contains("kora-responder", reached);
                var escalates = alert.Labels.Any(l => l.Key == MonitoringLabels.Escalation);
                Assert.Equal(escalates, management.All(reached.Contains));
            }
        }
    }

    [Fact]
    public void A_route_change_is_caught()
    {
        // The route test must be able to fail: without the devops fan-out, critical reaches one receiver.
        using var dir = new ScratchDirectory();
        var text = File.ReadAllText(RenderForAmtool("prod", dir)).Replace("    - receiver: devops-oncall\n      continue: true\n    - receiver: devops-pager\n      continue: true\n  - matchers:\n    - severity=\"high\"", "  - matchers:\n    - severity=\"high\"", StringComparison.Ordinal);
        var file = dir.Write("broken.yml", text);

        Assert.Equal(["kora-responder", "superadmin-oncall"], Route(dir, file, "severity=critical", "alertname=ReplayBacklogHigh"));
    }

    [Fact]
    public void Email_receivers_render_with_the_smtp_relay_and_amtool_accepts_them()
    {
        using var dir = new ScratchDirectory();
        var settings = StackFiles.Validate(Repository.StackFile("prod")).Require();
        var receivers = settings.AlertReceivers
            .Select(r => r.Level == EscalationLevel.Management ? r with { Channel = ReceiverChannel.Email, Address = "management@example.com", UrlSecretName = null } : r)
            .ToList();
        var monitoring = settings.Monitoring with { Smtp = new SmtpSettings("smtp.example.com:587", "alerts@example.com") };
        var text = YamlRendering.Render(AlertRouting.For(receivers, monitoring), "email");
        var file = dir.Write("alertmanager.yml", AmtoolView.For(text, MonitoringTool.Amtool));

        MonitoringTool.Amtool.Run(dir.Path, "check-config", file).AssertSucceeded("amtool check-config (e-mail)");
        Assert.Contains("smtp_smarthost: smtp.example.com:587", text, StringComparison.Ordinal);
        Assert.Contains("- to: management@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tool_fails_the_test_naming_its_debian_package()
    {
        var failure = Assert.ThrowsAny<Exception>(() => MonitoringTool.Find("amtool", "prometheus-alertmanager", "/nonexistent"));

        Assert.Contains("install the Debian package 'prometheus-alertmanager'", failure.Message, StringComparison.Ordinal);
    }

    private static string RenderForAmtool(string stack, ScratchDirectory dir)
    {
        var plan = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require());
        var rendered = plan.RenderFiles().Single(f => f.Key == MonitoringPlan.AlertmanagerFileName).Value;
        return dir.Write("alertmanager.yml", AmtoolView.For(rendered, MonitoringTool.Amtool));
    }

    private static string[] Route(ScratchDirectory dir, string file, params string[] labels)
    {
        var run = MonitoringTool.Amtool.Run(dir.Path, ["config", "routes", "test", "--config.file=" + file, .. labels]);
        run.AssertSucceeded("amtool config routes test");
        var line = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single();
        return line.Split(',').Order(StringComparer.Ordinal).ToArray();
    }
}
