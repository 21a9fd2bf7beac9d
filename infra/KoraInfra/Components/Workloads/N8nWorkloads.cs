using KoraInfra.Platform.Workloads;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using static KoraInfra.Components.Workloads.KubernetesTranslation;
using K8sApps = Pulumi.Kubernetes.Apps.V1;
using K8sCore = Pulumi.Kubernetes.Core.V1;
using K8sNetworking = Pulumi.Kubernetes.Networking.V1;
using K8sPolicy = Pulumi.Kubernetes.Policy.V1;

namespace KoraInfra.Components.Workloads;

/// <summary>
/// n8n in queue mode on Kubernetes, exactly as <see cref="N8nPlan"/> decided: the credentials
/// Secret, one Deployment and Service per process, the Ingress, the network policies and the
/// disruption budgets, all through the explicit provider.
/// </summary>
public sealed class N8nWorkloads : ComponentResource
{
    /// <summary>Declares n8n.</summary>
    public N8nWorkloads(string name, N8nWorkloadsArgs args, ComponentResourceOptions? options = null)
        : base("kora:workloads:N8nWorkloads", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var kubernetes = new CustomResourceOptions { Parent = this, Provider = args.Provider };

        // Secret outputs in, a Kubernetes Secret out: Pulumi keeps the values encrypted in state
        // and the provider marks data/stringData secret.
        var credentials = new K8sCore.Secret("n8n-credentials", new SecretArgs
        {
            Metadata = Metadata(N8nSecrets.SecretName, args.Namespace, N8nPlan.CommonLabels),
            Type = "Opaque",
            StringData =
            {
                { N8nSecrets.DatabaseUserKey, args.DatabaseUser },
                { N8nSecrets.DatabasePasswordKey, Output.CreateSecret(args.DatabasePassword) },
                { N8nSecrets.RedisPasswordKey, Output.CreateSecret(args.RedisPassword) },
                { N8nSecrets.EncryptionKeyKey, Output.CreateSecret(args.EncryptionKey) },
            },
        }, kubernetes);
        var credentialsName = credentials.Metadata.Apply(m => m.Name);

        var services = new Dictionary<string, K8sCore.Service>(StringComparer.Ordinal);
        foreach (var process in plan.Processes)
        {
            DeclareDeployment(process, plan, args, credentialsName, kubernetes);
            services[process.Name] = DeclareService(process, args.Namespace, kubernetes);
        }

        var ingress = new K8sNetworking.Ingress("n8n-ingress", new IngressArgs
        {
            Metadata = Metadata(N8nRouting.Name, args.Namespace, N8nPlan.CommonLabels),
            Spec = new IngressSpecArgs
            {
                IngressClassName = plan.Routing.Controller.ClassName,
                Tls = { new IngressTLSArgs { Hosts = { plan.Routing.Host }, SecretName = plan.Routing.TlsSecretName } },
                Rules =
                {
                    new IngressRuleArgs
                    {
                        Host = plan.Routing.Host,
                        Http = new HTTPIngressRuleValueArgs
                        {
                            Paths = plan.Routing.Routes.Select(route => new HTTPIngressPathArgs
                            {
                                Path = route.Path,
                                PathType = route.PathType,
                                Backend = new IngressBackendArgs
                                {
                                    Service = new IngressServiceBackendArgs
                                    {
                                        Name = services[route.Service].Metadata.Apply(m => m.Name),
                                        Port = new ServiceBackendPortArgs { Name = N8nProcessPlan.PortName },
                                    },
                                },
                            }).ToList(),
                        },
                    },
                },
            },
        }, kubernetes);

        foreach (var policy in plan.NetworkPolicies)
        {
            _ = new K8sNetworking.NetworkPolicy(policy.Name, new NetworkPolicyArgs
            {
                Metadata = Metadata(policy.Name, args.Namespace, N8nPlan.CommonLabels),
                Spec = NetworkPolicy(policy),
            }, kubernetes);
        }

        foreach (var budget in plan.DisruptionBudgets)
        {
            _ = new K8sPolicy.PodDisruptionBudget(budget.Name, new PodDisruptionBudgetArgs
            {
                Metadata = Metadata(budget.Name, args.Namespace, N8nPlan.CommonLabels),
                Spec = new PodDisruptionBudgetSpecArgs
                {
                    MaxUnavailable = budget.MaxUnavailable,
                    Selector = Selector(budget.Selector),
                },
            }, kubernetes);
        }

        PublicHost = Output.Create(plan.Routing.Host);
        IngressName = ingress.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["publicHost"] = PublicHost,
            ["ingressName"] = IngressName,
        });
    }

    /// <summary>n8n's public host name.</summary>
    public Output<string> PublicHost { get; }

    /// <summary>The Ingress's name.</summary>
    public Output<string> IngressName { get; }

    private static void DeclareDeployment(N8nProcessPlan process, N8nPlan plan, N8nWorkloadsArgs args, Output<string> credentialsName, CustomResourceOptions kubernetes)
    {
        var security = plan.Security;
        var mounts = new List<VolumeMountArgs>
        {
            new() { Name = N8nSecrets.VolumeName, MountPath = N8nSecrets.MountPath, ReadOnly = true },
        };
        var volumes = new List<VolumeArgs>
        {
            new() { Name = N8nSecrets.VolumeName, Secret = new SecretVolumeSourceArgs { SecretName = credentialsName, DefaultMode = N8nSecrets.FileMode } },
        };
        foreach (var (volume, path) in security.WritablePaths)
        {
            mounts.Add(new VolumeMountArgs { Name = volume, MountPath = path });
            volumes.Add(new VolumeArgs { Name = volume, EmptyDir = new EmptyDirVolumeSourceArgs() });
        }

        _ = new K8sApps.Deployment(process.Name, new DeploymentArgs
        {
            Metadata = Metadata(process.Name, args.Namespace, process.Labels),
            Spec = new DeploymentSpecArgs
            {
                Replicas = process.Replicas,
                Selector = Selector(process.SelectorLabels),
                Template = new PodTemplateSpecArgs
                {
                    // n8n reads its credential files at start only: a rotation changes this
                    // annotation, and with it the template, so the up rolls the processes.
                    Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs
                    {
                        Labels = Map(process.Labels),
                        Annotations = { { N8nCredentialVersions.Annotation, args.CredentialVersions } },
                    },
                    Spec = new PodSpecArgs
                    {
                        AutomountServiceAccountToken = security.AutomountServiceAccountToken,

                        // No service-link variables: the environment is exactly Platform's.
                        EnableServiceLinks = false,
                        SecurityContext = PodSecurityContext(security.RunAsUser, security.RunAsGroup, security.FsGroup),
                        TerminationGracePeriodSeconds = process.TerminationGracePeriodSeconds,
                        TopologySpreadConstraints = process.SpreadTopologyKeys.Select(key => new TopologySpreadConstraintArgs
                        {
                            TopologyKey = key,
                            MaxSkew = 1,
                            WhenUnsatisfiable = "ScheduleAnyway",
                            LabelSelector = Selector(process.SelectorLabels),
                        }).ToList(),
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "n8n",
                                Image = plan.Image.ToString(),
                                Args = process.Arguments.ToList(),
                                Env = process.Environment.Select(variable => Variable(variable, args)).ToList(),
                                Ports = { new ContainerPortArgs { Name = N8nProcessPlan.PortName, ContainerPortValue = N8nEnvironment.HttpPort, Protocol = "TCP" } },
                                Resources = Resources(process.Resources),
                                LivenessProbe = Probe(process.Liveness),
                                ReadinessProbe = Probe(process.Readiness),
                                StartupProbe = Probe(process.Startup),
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
        }, kubernetes);
    }

    private static K8sCore.Service DeclareService(N8nProcessPlan process, Output<string> workloadNamespace, CustomResourceOptions kubernetes) =>
        new(process.Name + "-service", new ServiceArgs
        {
            Metadata = Metadata(process.Name, workloadNamespace, process.Labels),
            Spec = new ServiceSpecArgs
            {
                Type = "ClusterIP",
                Selector = Map(process.SelectorLabels),
                Ports = { new ServicePortArgs { Name = N8nProcessPlan.PortName, Port = N8nEnvironment.HttpPort, TargetPort = N8nProcessPlan.PortName, Protocol = "TCP" } },
            },
        }, kubernetes);

    // Runtime values are host names the other capabilities' resources report; never a secret.
    private static EnvVarArgs Variable(N8nVariable variable, N8nWorkloadsArgs args) => new()
    {
        Name = variable.Name,
        Value = variable.Runtime switch
        {
            null => (Input<string>)variable.Value!,
            RuntimeValue.DatabaseHost => (Input<string>)args.DatabaseHost,
            RuntimeValue.RedisHost => (Input<string>)args.RedisHost,
            _ => throw new ArgumentOutOfRangeException(nameof(variable), variable.Runtime, "not a runtime value"),
        },
    };
}
