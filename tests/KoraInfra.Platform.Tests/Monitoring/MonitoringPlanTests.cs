using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

public sealed class MonitoringPlanTests
{
    private static MonitoringPlan Plan(string stack) => MonitoringPlan.For(StackFiles.Validate(Repository.StackFile(stack)).Require());

    [Theory]
    [InlineData("dev", 15, 1)]
    [InlineData("staging", 15, 1)]
    [InlineData("prod", 30, 3)]
    public void Retention_covers_the_14_day_trigger_and_prod_clusters_alertmanager(string stack, int retentionDays, int replicas)
    {
        var plan = Plan(stack);

        Assert.Equal(retentionDays, plan.RetentionDays);
        Assert.True(plan.RetentionDays > 14, "the R-DO-005 trigger looks 14 days back");
        Assert.Equal(replicas, plan.AlertmanagerReplicas);
    }

    [Fact]
    public void The_chart_is_pinned_to_an_exact_version()
    {
        var chart = Plan("prod").Chart;

        Assert.Equal("kube-prometheus-stack", chart.Name);
        Assert.Matches(@"^\d+\.\d+\.\d+$", chart.Version);
        Assert.StartsWith("https://", chart.Repository, StringComparison.Ordinal);
    }

    [Fact]
    public void Helm_values_carry_the_rendered_routes_the_vault_mount_and_selectors_for_every_rule()
    {
        var plan = Plan("prod");
        var values = plan.HelmValues("client-123").ToPlain();

        var alertmanager = (Dictionary<string, object>)values["alertmanager"];
        Assert.Equal(plan.Alertmanager.ToPlain()["route"].ToString(), ((Dictionary<string, object>)alertmanager["config"])["route"].ToString());
        var spec = (Dictionary<string, object>)alertmanager["alertmanagerSpec"];
        var mount = (Dictionary<string, object>)Assert.Single((List<object>)spec["volumeMounts"]);
        Assert.Equal(ReceiverSecrets.MountPath, mount["mountPath"]);
        Assert.Equal(3, spec["replicas"]);
        var prometheus = (Dictionary<string, object>)((Dictionary<string, object>)values["prometheus"])["prometheusSpec"];
        Assert.Equal("30d", prometheus["retention"]);
        Assert.Equal(false, prometheus["ruleSelectorNilUsesHelmValues"]);
        Assert.Equal(false, prometheus["podMonitorSelectorNilUsesHelmValues"]);
    }

    [Fact]
    public void The_secret_provider_class_names_each_receiver_secret_and_holds_no_value()
    {
        var plan = Plan("prod");

        var spec = ReceiverSecrets.ProviderClassSpec(plan.VaultName, "tenant", "client", plan.ReceiverSecretNames).ToPlain();

        var parameters = (Dictionary<string, object>)spec["parameters"];
        Assert.Equal("kv-kora-prod-brs", parameters["keyvaultName"]);
        Assert.Equal(["alert-devops-pager-url", "alert-devops-webhook-url", "alert-management-webhook-url", "alert-superadmin-webhook-url", "responder-webhook-token"], plan.ReceiverSecretNames);
        Assert.All(plan.ReceiverSecretNames, n => Assert.Contains($"objectName: {n}\n", (string)parameters["objects"], StringComparison.Ordinal));
        Assert.DoesNotContain("://", (string)parameters["objects"], StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_targets_cover_n8n_the_platform_runtime_and_the_responder()
    {
        var targets = Plan("staging").ScrapeTargets;

        Assert.Equal([("n8n", ScrapeKind.ServiceMonitor), ("kora-runtime", ScrapeKind.PodMonitor), ("kora-responder", ScrapeKind.ServiceMonitor)], targets.Select(t => (t.Name, t.Kind)));
        Assert.Equal(KoraInfra.Platform.Response.ResponderEndpoint.Namespace, targets[2].Namespace);
        Assert.Equal(KoraInfra.Platform.Response.ResponderPlan.SelectorLabels, targets[2].Selector);
        Assert.Equal(KoraInfra.Platform.Response.ResponderPlan.PortName, targets[2].Port);
        Assert.True(targets[1].Spec().ContainsKey("podMetricsEndpoints"));
        Assert.True(targets[0].Spec().ContainsKey("endpoints"));
    }
}
