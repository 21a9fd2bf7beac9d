using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// Everything the monitoring stack of one environment is: the chart, the rules, the
/// Alertmanager configuration, the vault secrets it mounts and the workloads it scrapes.
/// </summary>
/// <param name="Namespace">The namespace the chart and the rules live in.</param>
/// <param name="ReleaseName">The Helm release name.</param>
/// <param name="Chart">The pinned chart.</param>
/// <param name="RuleFiles">The recording and alerting rules.</param>
/// <param name="Alertmanager">The Alertmanager configuration.</param>
/// <param name="ReceiverSecretNames">The Key Vault secrets holding webhook URLs, mounted at <see cref="ReceiverSecrets.MountPath"/>.</param>
/// <param name="ScrapeTargets">The workloads scraped.</param>
/// <param name="RetentionDays">How long Prometheus keeps samples.</param>
/// <param name="AlertmanagerReplicas">Alertmanager replicas (clustered when more than one).</param>
/// <param name="VaultName">The stack's Key Vault, holding the receivers' webhook URLs.</param>
public sealed record MonitoringPlan(
    string Namespace,
    string ReleaseName,
    HelmChart Chart,
    IReadOnlyList<RuleFile> RuleFiles,
    YamlMap Alertmanager,
    IReadOnlyList<string> ReceiverSecretNames,
    IReadOnlyList<ScrapeTarget> ScrapeTargets,
    int RetentionDays,
    int AlertmanagerReplicas,
    string VaultName)
{
    /// <summary>The file the Alertmanager configuration is rendered to.</summary>
    public const string AlertmanagerFileName = "alertmanager.yml";

    /// <summary>Decides the monitoring stack of an environment.</summary>
    public static MonitoringPlan For(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new MonitoringPlan(
            Namespace: "monitoring",
            ReleaseName: "kube-prometheus-stack",
            Chart: HelmChart.KubePrometheusStack,
            RuleFiles: PrometheusRules.For(settings.Monitoring),
            Alertmanager: AlertRouting.For(settings.AlertReceivers, settings.Monitoring),
            ReceiverSecretNames: ReceiverSecrets.SecretNames(settings.AlertReceivers),
            ScrapeTargets: [ScrapeTarget.N8n, ScrapeTarget.PlatformRuntime, ScrapeTarget.Responder],
            RetentionDays: RetentionDaysFor(settings.Environment.Name),
            AlertmanagerReplicas: settings.Environment.ZoneRedundant ? 3 : 1,
            VaultName: settings.Names.Name(ResourceKind.KeyVault));
    }

    /// <summary>
    /// Sample retention. The n8n HA reopen trigger (R-DO-005) looks 14 days back, so no
    /// environment keeps less than 15 days; prod keeps 30 for incident reviews.
    /// </summary>
    public static int RetentionDaysFor(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => 15,
        EnvironmentName.Staging => 15,
        EnvironmentName.Prod => 30,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };

    /// <summary>
    /// The kube-prometheus-stack values: the Alertmanager configuration as rendered, the vault
    /// mount its <c>url_file</c>s read, and a Prometheus that selects every rule and monitor
    /// (the chart's default only selects objects labelled with its release).
    /// </summary>
    /// <param name="vaultReaderClientId">The client id of the workload identity Alertmanager reads the vault as.</param>
    public YamlMap HelmValues(string vaultReaderClientId)
    {
        var volume = new YamlMap
        {
            { "name", ReceiverSecrets.ProviderClassName },
            {
                "csi", new YamlMap
                {
                    { "driver", "secrets-store.csi.k8s.io" },
                    { "readOnly", true },
                    { "volumeAttributes", new YamlMap { { "secretProviderClass", ReceiverSecrets.ProviderClassName } } },
                }
            },
        };
        var mount = new YamlMap { { "name", ReceiverSecrets.ProviderClassName }, { "mountPath", ReceiverSecrets.MountPath }, { "readOnly", true } };
        return new YamlMap
        {
            {
                "alertmanager", new YamlMap
                {
                    { "config", Alertmanager },
                    { "serviceAccount", new YamlMap { { "annotations", new YamlMap { { "azure.workload.identity/client-id", vaultReaderClientId } } } } },
                    {
                        "alertmanagerSpec", new YamlMap
                        {
                            { "replicas", AlertmanagerReplicas },
                            { "podMetadata", new YamlMap { { "labels", new YamlMap { { "azure.workload.identity/use", "true" } } } } },
                            { "volumes", new[] { volume } },
                            { "volumeMounts", new[] { mount } },
                        }
                    },
                }
            },
            {
                "prometheus", new YamlMap
                {
                    {
                        "prometheusSpec", new YamlMap
                        {
                            { "retention", $"{RetentionDays}d" },
                            { "ruleSelectorNilUsesHelmValues", false },
                            { "serviceMonitorSelectorNilUsesHelmValues", false },
                            { "podMonitorSelectorNilUsesHelmValues", false },
                        }
                    },
                }
            },
        };
    }

    /// <summary>The files <c>kora alerts render</c> writes and the program deploys, by file name, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RenderFiles()
    {
        const string Header = "Generated by KoraInfra from the alert catalogue and the stack settings; do not edit.";
        return
        [
            .. RuleFiles.Select(f => new KeyValuePair<string, string>(f.FileName, YamlRendering.Render(f.Document, Header))),
            new(AlertmanagerFileName, YamlRendering.Render(Alertmanager, Header)),
        ];
    }
}
