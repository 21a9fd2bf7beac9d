using KoraInfra.Platform.Monitoring;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using HelmRelease = Pulumi.Kubernetes.Helm.V3.Release;
using KubernetesCustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using KubernetesNamespace = Pulumi.Kubernetes.Core.V1.Namespace;
using KubernetesNamespaceArgs = Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs;

namespace KoraInfra.Components.Monitoring;

/// <summary>
/// The monitoring stack in the cluster: kube-prometheus-stack at its pinned version with the
/// Alertmanager routes Platform rendered, the receivers' webhook URLs mounted from the vault,
/// the alert catalogue as <c>PrometheusRule</c>s, and the scrapes of n8n and the platform runtime.
/// </summary>
public sealed class MonitoringStack : ComponentResource
{
    private const string MonitoringApi = "monitoring.coreos.com/v1";

    /// <summary>Declares the monitoring stack.</summary>
    public MonitoringStack(string name, MonitoringStackArgs args, ComponentResourceOptions? options = null)
        : base("kora:monitoring:MonitoringStack", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        CustomResourceOptions Options(params Resource[] dependsOn) => new() { Parent = this, Provider = args.Provider, DependsOn = dependsOn };

        var monitoringNamespace = new KubernetesNamespace("monitoring-namespace", new KubernetesNamespaceArgs
        {
            Metadata = new ObjectMetaArgs { Name = plan.Namespace, Labels = CommonLabels() },
        }, Options());

        // Mounted into Alertmanager: one file per vault secret, read with url_file.
        var receiverUrls = new KubernetesCustomResource("alertmanager-receiver-urls", new KubernetesObjectArgs("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass")
        {
            Metadata = Metadata(ReceiverSecrets.ProviderClassName, plan.Namespace),
            Spec = Output.Tuple(args.TenantId, args.VaultReaderClientId)
                .Apply(ids => ReceiverSecrets.ProviderClassSpec(plan.VaultName, ids.Item1, ids.Item2, plan.ReceiverSecretNames).ToPlain()),
        }, Options(monitoringNamespace));

        var release = new HelmRelease("kube-prometheus-stack", new ReleaseArgs
        {
            Name = plan.ReleaseName,
            Chart = plan.Chart.Name,
            Version = plan.Chart.Version,
            RepositoryOpts = new RepositoryOptsArgs { Repo = plan.Chart.Repository },
            Namespace = plan.Namespace,
            Values = args.VaultReaderClientId.Apply(clientId => plan.HelmValues(clientId).ToPlain()),

            // A failed upgrade rolls back instead of leaving a half-configured Alertmanager.
            Atomic = true,
            CleanupOnFail = true,
            Timeout = 900,
        }, Options(monitoringNamespace, receiverUrls));

        // The CRDs come with the chart, so the rules and monitors wait for it.
        RuleNames = plan.RuleFiles.Select(file => new KubernetesCustomResource($"prometheus-rule-{file.Name}", new KubernetesObjectArgs(MonitoringApi, "PrometheusRule")
        {
            Metadata = Metadata(file.Name, plan.Namespace),
            Spec = file.Document.ToPlain(),
        }, Options(release)).Metadata.Apply(m => m.Name)).ToList();

        foreach (var target in plan.ScrapeTargets)
        {
            _ = new KubernetesCustomResource($"scrape-{target.Name}", new KubernetesObjectArgs(MonitoringApi, target.Kind.ToString())
            {
                Metadata = Metadata(target.Name, plan.Namespace),
                Spec = target.Spec().ToPlain(),
            }, Options(release));
        }

        ReleaseName = release.Name;
        MonitoringNamespace = monitoringNamespace.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["releaseName"] = ReleaseName,
            ["monitoringNamespace"] = MonitoringNamespace,
        });
    }

    /// <summary>The Helm release name of kube-prometheus-stack.</summary>
    public Output<string> ReleaseName { get; }

    /// <summary>The namespace the monitoring stack runs in.</summary>
    public Output<string> MonitoringNamespace { get; }

    /// <summary>The names of the PrometheusRule resources.</summary>
    public IReadOnlyList<Output<string>> RuleNames { get; }

    private static Dictionary<string, string> CommonLabels() => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/part-of"] = "koraos",
        ["app.kubernetes.io/managed-by"] = "pulumi",
    };

    private static ObjectMetaArgs Metadata(string name, string ns) => new() { Name = name, Namespace = ns, Labels = CommonLabels() };
}
