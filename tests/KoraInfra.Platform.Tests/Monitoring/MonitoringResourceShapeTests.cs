using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Monitoring;

/// <summary>
/// The Kubernetes-facing documents of the monitoring stack, word for word: the chart's values
/// (vault mount, workload identity, rule selectors, retention), each scrape target's monitor
/// spec, the vault secrets' provider class, and each signal's unit.
/// </summary>
public sealed class MonitoringResourceShapeTests
{
    // Raw literals end before their last newline; the rendered documents end with one.
    private const string HelmValues = """
        # h
        alertmanager:
          config:
            route: x
          serviceAccount:
            annotations:
              azure.workload.identity/client-id: client-123
          alertmanagerSpec:
            replicas: 3
            podMetadata:
              labels:
                azure.workload.identity/use: "true"
            volumes:
            - name: alertmanager-receiver-urls
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes:
                  secretProviderClass: alertmanager-receiver-urls
            volumeMounts:
            - name: alertmanager-receiver-urls
              mountPath: /etc/alertmanager/receiver-urls
              readOnly: true
        prometheus:
          prometheusSpec:
            retention: 30d
            ruleSelectorNilUsesHelmValues: false
            serviceMonitorSelectorNilUsesHelmValues: false
            podMonitorSelectorNilUsesHelmValues: false
        """;

    private const string ProviderClass = """
        # h
        provider: azure
        parameters:
          usePodIdentity: "false"
          clientID: client-2
          keyvaultName: kv-x
          tenantId: tenant-1
          objects: >
            array:
              - |
                objectName: a-url
                objectType: secret
              - |
                objectName: b-url
                objectType: secret
        """;

    private const string N8nMonitor = """
        # h
        selector:
          matchLabels:
            app.kubernetes.io/name: n8n
        namespaceSelector:
          matchNames:
          - kora
        endpoints:
        - port: http
          path: /metrics
          interval: 30s
        """;

    private const string RuntimeMonitor = """
        # h
        selector:
          matchLabels:
            app.kubernetes.io/part-of: koraos
        namespaceSelector:
          matchNames:
          - kora
        podMetricsEndpoints:
        - port: metrics
          path: /metrics
          interval: 30s
        """;

    private const string ResponderMonitor = """
        # h
        selector:
          matchLabels:
            app.kubernetes.io/name: kora-responder
        namespaceSelector:
          matchNames:
          - kora-response
        endpoints:
        - port: http
          path: /metrics
          interval: 30s
        """;

    [Fact]
    public void The_chart_values_are_rendered_exactly()
    {
        var plan = MonitoringPlan.For(StackFiles.Validate(Repository.StackFile("prod")).Require()) with { Alertmanager = new YamlMap { { "route", "x" } } };

        Assert.Equal(HelmValues + "\n", YamlRendering.Render(plan.HelmValues("client-123"), "h"));
        Assert.Equal(("monitoring", "kube-prometheus-stack"), (plan.Namespace, plan.ReleaseName));
    }

    [Fact]
    public void Each_scrape_target_has_exactly_its_monitor_spec()
    {
        Assert.Equal(N8nMonitor + "\n", YamlRendering.Render(ScrapeTarget.N8n.Spec(), "h"));
        Assert.Equal(RuntimeMonitor + "\n", YamlRendering.Render(ScrapeTarget.PlatformRuntime.Spec(), "h"));
        Assert.Equal(ResponderMonitor + "\n", YamlRendering.Render(ScrapeTarget.Responder.Spec(), "h"));
    }

    [Fact]
    public void The_provider_class_names_each_secret_and_reads_the_vault_as_the_workload()
    {
        Assert.Equal(ProviderClass + "\n", YamlRendering.Render(ReceiverSecrets.ProviderClassSpec("kv-x", "tenant-1", "client-2", ["a-url", "b-url"]), "h"));
    }

    [Fact]
    public void Each_signal_has_its_unit()
    {
        Assert.Equal(
            ["ratio (0-1)", "seconds", "events", "events", "ratio (0-1)", "ratio (0-1)", "seconds", "boolean (0/1)", "seconds", "incidents"],
            Signals.All.Select(s => s.Unit));
    }

    [Fact]
    public void An_environment_outside_koraos_has_no_retention()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => MonitoringPlan.RetentionDaysFor((KoraInfra.Platform.Environments.EnvironmentName)99));

        Assert.StartsWith("not a KoraOS environment", failure.Message, StringComparison.Ordinal);
    }
}
