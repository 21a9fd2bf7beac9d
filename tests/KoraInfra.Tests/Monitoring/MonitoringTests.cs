using System.Collections.Immutable;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Monitoring;

public sealed class MonitoringTests
{
    private const string PrometheusRule = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";
    private const string HelmRelease = "kubernetes:helm.sh/v3:Release";
    private const string MonitoringType = "kora:monitoring:MonitoringStack";

    public static TheoryData<string> DeployedStacks => new() { "staging", "prod" };

    private static StackSettings Settings(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();

    private static ImmutableDictionary<string, object?> Map(object? value) => Assert.IsType<ImmutableDictionary<string, object?>>(value);

    private static ImmutableArray<object?> List(object? value) => Assert.IsType<ImmutableArray<object?>>(value);

    [Theory]
    [MemberData(nameof(DeployedStacks))]
    public async Task The_alert_catalogue_is_deployed_as_prometheus_rules(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var rules = run.OfType(PrometheusRule).ToList();
        Assert.Equal(["kora-alerts", "kora-response", "kora-signals"], rules.Select(r => (string)Map(r.Inputs["metadata"])["name"]!).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.Equal("monitoring", Map(r.Inputs["metadata"])["namespace"]));

        var alerts = rules.Single(r => (string)Map(r.Inputs["metadata"])["name"]! == PrometheusRules.AlertsFile);
        var deployed = List(Map(alerts.Inputs["spec"])["groups"])
            .SelectMany(g => List(Map(g)["rules"]))
            .Select(Map)
            .ToList();
        var catalogue = AlertCatalogue.For(Settings(stack).Monitoring);
        Assert.Equal(catalogue.Sum(a => a.Steps.Count), deployed.Count);
        Assert.Equal(catalogue.Select(a => a.Name).Distinct().Order(StringComparer.Ordinal), deployed.Select(r => (string)r["alert"]!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(deployed, r =>
        {
            Assert.True(Map(r["labels"]).ContainsKey("severity"));
            Assert.StartsWith(Settings(stack).Monitoring.RunbookBaseUrl.AbsoluteUri, (string)Map(r["annotations"])["runbook_url"]!, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(DeployedStacks))]
    public async Task The_routes_are_deployed_as_the_alertmanager_configuration_of_the_pinned_chart(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var release = run.Named(HelmRelease, "kube-prometheus-stack");
        Assert.Equal(HelmChart.KubePrometheusStack.Name, release.Text("chart"));
        Assert.Equal(HelmChart.KubePrometheusStack.Version, release.Text("version"));
        Assert.Equal(HelmChart.KubePrometheusStack.Repository, Map(release.Inputs["repositoryOpts"])["repo"]);
        Assert.Equal("monitoring", release.Text("namespace"));

        var alertmanager = Map(Map(release.Inputs["values"])["alertmanager"]);
        var config = Map(alertmanager["config"]);
        var receivers = List(config["receivers"]).Select(Map).ToList();
        Assert.Equal(Settings(stack).AlertReceivers.Select(r => r.Name).Append(ResponderEndpoint.ReceiverName).Append(AlertRouting.Blackhole), receivers.Select(r => (string)r["name"]!));

        // The responder's address carries no credential: its bearer token is a vault-mounted file.
        var responder = Map(Assert.Single(List(receivers.Single(r => (string)r["name"]! == ResponderEndpoint.ReceiverName)["webhook_configs"])));
        Assert.Equal(ResponderEndpoint.WebhookUrl, responder["url"]);
        var authorization = Map(Map(responder["http_config"])["authorization"]);
        Assert.Equal(ReceiverSecrets.FileFor(ResponderEndpoint.WebhookTokenSecretName), authorization["credentials_file"]);
        Assert.False(authorization.ContainsKey("credentials"), "a token must never be written into the configuration");

        Assert.All(receivers.Where(r => r.ContainsKey("webhook_configs") && (string)r["name"]! != ResponderEndpoint.ReceiverName), r =>
        {
            var webhook = Map(Assert.Single(List(r["webhook_configs"])));
            Assert.False(webhook.ContainsKey("url"), "a webhook URL must never be written into the configuration");
            Assert.StartsWith(ReceiverSecrets.MountPath + "/", (string)webhook["url_file"]!, StringComparison.Ordinal);
        });
        Assert.Equal(2, List(config["inhibit_rules"]).Length);
        var mount = Map(Assert.Single(List(Map(alertmanager["alertmanagerSpec"])["volumeMounts"])));
        Assert.Equal(ReceiverSecrets.MountPath, mount["mountPath"]);
    }

    [Theory]
    [MemberData(nameof(DeployedStacks))]
    public async Task Receiver_urls_come_from_the_vault_through_workload_identity(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var providerClass = run.Named("kubernetes:secrets-store.csi.x-k8s.io/v1:SecretProviderClass", ReceiverSecrets.ProviderClassName);
        var parameters = Map(Map(providerClass.Inputs["spec"])["parameters"]);
        Assert.Equal(MonitoringPlan.For(Settings(stack)).VaultName, parameters["keyvaultName"]);
        Assert.Equal("tenant-kora", parameters["tenantId"]);
        Assert.Equal("client-platform-identity", parameters["clientID"]);
        Assert.Equal("false", parameters["usePodIdentity"]);
        Assert.All(ReceiverSecrets.SecretNames(Settings(stack).AlertReceivers), n => Assert.Contains($"objectName: {n}\n", (string)parameters["objects"]!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DeployedStacks))]
    public async Task N8n_and_the_platform_runtime_are_scraped(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var serviceMonitor = Assert.Single(run.Under(MonitoringType, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor"), m => Equals(Map(m.Inputs["metadata"])["name"], "n8n"));
        Assert.Single(run.Under(MonitoringType, "kubernetes:monitoring.coreos.com/v1:PodMonitor"), m => Equals(Map(m.Inputs["metadata"])["name"], "kora-runtime"));
        Assert.Equal(["kora"], List(Map(Map(serviceMonitor.Inputs["spec"])["namespaceSelector"])["matchNames"]).Cast<string>());
    }

    [Theory]
    [MemberData(nameof(DeployedStacks))]
    public async Task Every_monitoring_resource_uses_the_explicit_provider_and_hangs_under_the_component(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        run.Named(MonitoringType, "monitoring");
        var monitoring = run.Under(MonitoringType).Where(r => r.Type is PrometheusRule or HelmRelease || r.Type.Contains("monitoring.coreos.com", StringComparison.Ordinal) || r.Type.Contains("secrets-store", StringComparison.Ordinal)).ToList();
        // The chart, three rule files (signals, catalogue, response SLAs), three monitors (n8n, runtime, responder), the secret provider class.
        Assert.Equal(8, monitoring.Count);
        Assert.All(monitoring, r => Assert.Contains($"pulumi:providers:kubernetes::k8s-{stack}::", r.Provider ?? "(no provider)", StringComparison.Ordinal));
    }
}
