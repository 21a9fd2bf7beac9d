using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Monitoring.Support;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>The responder's escalations as the real <c>amtool</c> routes them: one step of the chain each, superadmin first.</summary>
public sealed class EscalationRoutingToolTests
{
    public static TheoryData<string> Stacks => ["dev", "staging", "prod"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_escalation_step_reaches_exactly_that_step_of_the_chain(string stack)
    {
        using var dir = new ScratchDirectory();
        var file = Render(stack, dir);
        var receivers = StackFiles.Validate(Repository.StackFile(stack)).Require().AlertReceivers;
        string[] At(params EscalationLevel[] levels) => receivers.Where(r => levels.Contains(r.Level)).Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(At(EscalationLevel.Superadmin), Route(dir, file, "escalation=superadmin"));
        Assert.Equal(At(EscalationLevel.Devops), Route(dir, file, "escalation=devops"));
        if (At(EscalationLevel.Management).Length > 0)
        {
            Assert.Equal(At(EscalationLevel.Management), Route(dir, file, "escalation=management"));
        }

        Assert.Equal(At(EscalationLevel.Superadmin, EscalationLevel.Devops, EscalationLevel.Management), Route(dir, file, "escalation=all"));
        Assert.DoesNotContain("kora-responder", Route(dir, file, "escalation=devops", "severity=critical"));
    }

    [Fact]
    public void The_routing_tree_lists_the_chain_superadmin_first()
    {
        using var dir = new ScratchDirectory();
        var file = Render("prod", dir);

        var tree = MonitoringTool.Amtool.Run(dir.Path, "config", "routes", "--config.file=" + file);
        tree.AssertSucceeded("amtool config routes");
        var positions = new[] { "escalation=\"superadmin\"", "escalation=\"devops\"", "escalation=\"management\"" }
            .Select(step => tree.StandardOutput.IndexOf(step, StringComparison.Ordinal)).ToArray();

        Assert.All(positions, p => Assert.True(p >= 0, tree.StandardOutput));
        Assert.Equal(positions.Order().ToArray(), positions);
    }

    [Fact]
    public void The_responder_receiver_sends_the_bearer_token_from_a_file()
    {
        var plan = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile("prod")).Require());
        var rendered = plan.RenderFiles().Single(f => f.Key == MonitoringPlan.AlertmanagerFileName).Value;

        Assert.Contains("credentials_file: /etc/alertmanager/receiver-urls/responder-webhook-token", rendered, StringComparison.Ordinal);
        Assert.Contains("url: http://kora-responder.kora-response.svc.cluster.local:8080/api/v1/alertmanager/webhook", rendered, StringComparison.Ordinal);
    }

    private static string Render(string stack, ScratchDirectory dir)
    {
        var plan = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require());
        var rendered = plan.RenderFiles().Single(f => f.Key == MonitoringPlan.AlertmanagerFileName).Value;
        return dir.Write("alertmanager.yml", AmtoolView.For(rendered, MonitoringTool.Amtool));
    }

    private static string[] Route(ScratchDirectory dir, string file, params string[] labels)
    {
        var run = MonitoringTool.Amtool.Run(dir.Path, ["config", "routes", "test", "--config.file=" + file, "alertname=KoraIncidentEscalation", "incident=7", .. labels]);
        run.AssertSucceeded("amtool config routes test");
        var line = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single();
        return line.Split(',').Order(StringComparer.Ordinal).ToArray();
    }
}
