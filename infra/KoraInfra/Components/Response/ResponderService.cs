using KoraInfra.Platform.Response;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using static KoraInfra.Components.Workloads.KubernetesTranslation;
using K8sApps = Pulumi.Kubernetes.Apps.V1;
using K8sCore = Pulumi.Kubernetes.Core.V1;
using K8sNetworking = Pulumi.Kubernetes.Networking.V1;
using K8sPolicy = Pulumi.Kubernetes.Policy.V1;

namespace KoraInfra.Components.Response;

/// <summary>
/// The responder on Kubernetes, exactly as <see cref="ResponderPlan"/> decided: its namespace,
/// a ServiceAccount without a token, the credentials Secret from the vault's values, one
/// Deployment and its Service (the URL Alertmanager's receiver names), the network policies and
/// the disruption budget, all through the explicit provider.
/// </summary>
public sealed class ResponderService : ComponentResource
{
    /// <summary>Declares the responder.</summary>
    public ResponderService(string name, ResponderServiceArgs args, ComponentResourceOptions? options = null)
        : base("kora:response:ResponderService", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var kubernetes = new CustomResourceOptions { Parent = this, Provider = args.Provider };

        var responderNamespace = new K8sCore.Namespace("responder-namespace", new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs { Name = ResponderEndpoint.Namespace, Labels = Map(plan.NamespaceLabels) },
        }, kubernetes);
        var namespaceName = responderNamespace.Metadata.Apply(m => m.Name);
        var inNamespace = new CustomResourceOptions { Parent = this, Provider = args.Provider, DependsOn = { responderNamespace } };

        var serviceAccount = new K8sCore.ServiceAccount("responder-service-account", new ServiceAccountArgs
        {
            Metadata = Metadata(ResponderEndpoint.Name, namespaceName, ResponderPlan.Labels),
            AutomountServiceAccountToken = plan.Security.AutomountServiceAccountToken,
        }, inNamespace);

        // Secret outputs in, a Kubernetes Secret out: the values stay encrypted in state.
        var connection = Output.Tuple(args.DatabaseHost, Output.CreateSecret(args.DatabasePassword))
            .Apply(t => ResponderPlan.ConnectionString(t.Item1, args.DatabaseSlot, t.Item2));
        var credentials = new K8sCore.Secret("responder-credentials", new SecretArgs
        {
            Metadata = Metadata(ResponderSecrets.SecretName, namespaceName, ResponderPlan.Labels),
            Type = "Opaque",
            StringData =
            {
                { ResponderEndpoint.WebhookTokenSecretName, Output.CreateSecret(args.WebhookToken) },
                { ResponderEndpoint.ApiTokenSecretName, Output.CreateSecret(args.ApiToken) },
                { ResponderSecrets.ConnectionKey, Output.CreateSecret(connection) },
            },
        }, inNamespace);

        var deployment = DeclareDeployment(plan, args, namespaceName, serviceAccount, credentials, inNamespace);

        var service = new K8sCore.Service("responder-service", new ServiceArgs
        {
            Metadata = Metadata(ResponderEndpoint.Name, namespaceName, ResponderPlan.Labels),
            Spec = new ServiceSpecArgs
            {
                Type = "ClusterIP",
                Selector = Map(ResponderPlan.SelectorLabels),
                Ports = { new ServicePortArgs { Name = ResponderPlan.PortName, Port = ResponderEndpoint.Port, TargetPort = ResponderPlan.PortName, Protocol = "TCP" } },
            },
        }, inNamespace);

        foreach (var policy in plan.NetworkPolicies)
        {
            _ = new K8sNetworking.NetworkPolicy(policy.Name, new NetworkPolicyArgs
            {
                Metadata = Metadata(policy.Name, namespaceName, ResponderPlan.Labels),
                Spec = NetworkPolicy(policy),
            }, inNamespace);
        }

        _ = new K8sPolicy.PodDisruptionBudget(plan.DisruptionBudget.Name, new PodDisruptionBudgetArgs
        {
            Metadata = Metadata(plan.DisruptionBudget.Name, namespaceName, ResponderPlan.Labels),
            Spec = new PodDisruptionBudgetSpecArgs
            {
                MaxUnavailable = plan.DisruptionBudget.MaxUnavailable,
                Selector = Selector(plan.DisruptionBudget.Selector),
            },
        }, inNamespace);

        WebhookUrl = service.Metadata.Apply(_ => ResponderEndpoint.WebhookUrl);
        DeploymentName = deployment.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["webhookUrl"] = WebhookUrl,
            ["deploymentName"] = DeploymentName,
        });
    }

    /// <summary>The in-cluster webhook URL Alertmanager's receiver delivers to.</summary>
    public Output<string> WebhookUrl { get; }

    /// <summary>The Deployment's name.</summary>
    public Output<string> DeploymentName { get; }

    private static K8sApps.Deployment DeclareDeployment(ResponderPlan plan, ResponderServiceArgs args, Output<string> namespaceName, K8sCore.ServiceAccount serviceAccount, K8sCore.Secret credentials, CustomResourceOptions options)
    {
        var security = plan.Security;
        var mounts = new List<VolumeMountArgs>
        {
            new() { Name = ResponderSecrets.SecretName, MountPath = ResponderSecrets.MountPath, ReadOnly = true },
        };
        var volumes = new List<VolumeArgs>
        {
            new()
            {
                Name = ResponderSecrets.SecretName,
                Secret = new SecretVolumeSourceArgs
                {
                    SecretName = credentials.Metadata.Apply(m => m.Name),
                    DefaultMode = ResponderSecrets.FileMode,

                    // Only the tokens become files; the connection is read as a variable.
                    Items = ResponderSecrets.FileKeys.Select(key => new KeyToPathArgs { Key = key, Path = key }).ToList(),
                },
            },
        };
        foreach (var (volume, path) in security.WritablePaths)
        {
            mounts.Add(new VolumeMountArgs { Name = volume, MountPath = path });
            volumes.Add(new VolumeArgs { Name = volume, EmptyDir = new EmptyDirVolumeSourceArgs() });
        }

        var env = plan.Environment.Select(v => new EnvVarArgs { Name = v.Name, Value = v.Value }).ToList();
        env.Add(new EnvVarArgs
        {
            Name = ResponderSecrets.ConnectionVariable,
            ValueFrom = new EnvVarSourceArgs
            {
                SecretKeyRef = new SecretKeySelectorArgs { Name = credentials.Metadata.Apply(m => m.Name), Key = ResponderSecrets.ConnectionKey },
            },
        });

        return new K8sApps.Deployment("responder", new DeploymentArgs
        {
            Metadata = Metadata(ResponderEndpoint.Name, namespaceName, ResponderPlan.Labels),
            Spec = new DeploymentSpecArgs
            {
                Replicas = plan.Replicas,
                Strategy = new DeploymentStrategyArgs { Type = ResponderPlan.DeploymentStrategy },
                Selector = Selector(ResponderPlan.SelectorLabels),
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs
                    {
                        Labels = Map(ResponderPlan.Labels),
                        Annotations = { { ResponderPlan.LoginAnnotation, args.DatabaseLoginAnnotation } },
                    },
                    Spec = new PodSpecArgs
                    {
                        ServiceAccountName = serviceAccount.Metadata.Apply(m => m.Name),
                        AutomountServiceAccountToken = security.AutomountServiceAccountToken,
                        EnableServiceLinks = false,
                        SecurityContext = PodSecurityContext(security.RunAsUser, security.RunAsGroup, security.FsGroup),
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "responder",
                                Image = plan.Image.ToString(),
                                Env = env,
                                Ports = { new ContainerPortArgs { Name = ResponderPlan.PortName, ContainerPortValue = ResponderEndpoint.Port, Protocol = "TCP" } },
                                Resources = Resources(plan.Resources),
                                LivenessProbe = Probe(plan.Liveness),
                                ReadinessProbe = Probe(plan.Readiness),
                                SecurityContext = new SecurityContextArgs
                                {
                                    RunAsNonRoot = security.RunAsNonRoot,
                                    RunAsUser = security.RunAsUser,
                                    RunAsGroup = security.RunAsGroup,
                                    AllowPrivilegeEscalation = security.AllowPrivilegeEscalation,
                                    ReadOnlyRootFilesystem = security.ReadOnlyRootFilesystem,
                                    Capabilities = new CapabilitiesArgs { Drop = security.DropCapabilities.ToList() },
                                    SeccompProfile = new SeccompProfileArgs { Type = security.SeccompProfile },
                                },
                                VolumeMounts = mounts,
                            },
                        },
                        Volumes = volumes,
                    },
                },
            },
        }, options);
    }
}
