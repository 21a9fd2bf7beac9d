using KoraInfra.Platform.Database;
using KoraInfra.Platform.Verification.Staging;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using HelmRelease = Pulumi.Kubernetes.Helm.V3.Release;
using KubernetesConfigMap = Pulumi.Kubernetes.Core.V1.ConfigMap;
using KubernetesCronJob = Pulumi.Kubernetes.Batch.V1.CronJob;
using KubernetesDeployment = Pulumi.Kubernetes.Apps.V1.Deployment;
using KubernetesNamespace = Pulumi.Kubernetes.Core.V1.Namespace;
using KubernetesNamespaceArgs = Pulumi.Kubernetes.Types.Inputs.Core.V1.NamespaceArgs;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace KoraInfra.Components.Verification;

/// <summary>
/// The staging checks' machinery (docs/verification.md): Chaos Mesh for <c>kora drill chaos</c>,
/// the suspended k6 CronJobs the pipeline starts for load, soak and smoke, and the heartbeat writer
/// the restore drill measures its RPO by. Declared only where Platform plans it (staging).
/// </summary>
public sealed class StagingVerification : ComponentResource
{
    /// <summary>Declares Chaos Mesh, the k6 templates and the heartbeat writer.</summary>
    public StagingVerification(string name, StagingVerificationArgs args, ComponentResourceOptions? options = null)
        : base("kora:verification:StagingVerification", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        CustomResourceOptions Options(params Resource[] dependsOn) => new() { Parent = this, Provider = args.Provider, DependsOn = dependsOn };

        _ = new HelmRelease("chaos-mesh", new ReleaseArgs
        {
            Name = ChaosMeshPlan.ReleaseName,
            Chart = ChaosMeshPlan.Chart,
            Version = ChaosMeshPlan.Version,
            RepositoryOpts = new RepositoryOptsArgs { Repo = ChaosMeshPlan.Repository },
            Namespace = plan.ChaosMesh.Namespace,
            CreateNamespace = true,
            Atomic = true,
            Values = Values(plan.ChaosMesh.Values),
        }, Options());

        var checksNamespace = new KubernetesNamespace("verification-namespace", new KubernetesNamespaceArgs
        {
            Metadata = new ObjectMetaArgs { Name = plan.Namespace, Labels = Map(StagingVerificationPlan.NamespaceLabels) },
        }, Options());

        var scripts = new KubernetesConfigMap("k6-scripts", new ConfigMapArgs
        {
            Metadata = Metadata(plan.ScriptsConfigMap, plan.Namespace, StagingVerificationPlan.Labels),
            Data = Map(args.Scripts),
        }, Options(checksNamespace));

        foreach (var run in plan.Runs)
        {
            _ = new KubernetesCronJob(run.Name, new CronJobArgs
            {
                Metadata = Metadata(run.Name, plan.Namespace, StagingVerificationPlan.Labels),
                Spec = new CronJobSpecArgs
                {
                    // Never runs by itself: the pipeline instantiates it (kubectl create job --from).
                    Suspend = true,
                    Schedule = K6JobPlan.DormantSchedule,
                    ConcurrencyPolicy = "Forbid",
                    JobTemplate = new JobTemplateSpecArgs { Spec = K6Job(run, plan) },
                },
            }, Options(scripts));
        }

        var heartbeat = plan.Heartbeat;
        var secret = new KubernetesSecret("heartbeat-credentials", new SecretArgs
        {
            Metadata = Metadata(heartbeat.SecretName, plan.Namespace, StagingVerificationPlan.Labels),
            Type = "Opaque",
            StringData = { { HeartbeatWriterPlan.ConnectionKey, Output.CreateSecret(args.HeartbeatConnection) } },
        }, Options(checksNamespace));

        var labels = new Dictionary<string, string>(Map(StagingVerificationPlan.Labels), StringComparer.Ordinal) { ["app.kubernetes.io/name"] = heartbeat.Name };
        _ = new KubernetesDeployment(heartbeat.Name, new DeploymentArgs
        {
            Metadata = Metadata(heartbeat.Name, plan.Namespace, labels),
            Spec = new DeploymentSpecArgs
            {
                // One writer: two would halve the interval the drill's RPO is judged by.
                Replicas = 1,
                Strategy = new DeploymentStrategyArgs { Type = "Recreate" },
                Selector = new LabelSelectorArgs { MatchLabels = labels },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = labels },
                    Spec = new PodSpecArgs
                    {
                        AutomountServiceAccountToken = false,
                        SecurityContext = PodSecurity(null),
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "heartbeat",
                                Image = heartbeat.Image,
                                Args = HeartbeatWriterPlan.Args.ToList(),
                                Env =
                                {
                                    new EnvVarArgs
                                    {
                                        Name = heartbeat.ConnectionVariable,
                                        ValueFrom = new EnvVarSourceArgs { SecretKeyRef = new SecretKeySelectorArgs { Name = heartbeat.SecretName, Key = HeartbeatWriterPlan.ConnectionKey } },
                                    },
                                },
                                SecurityContext = ContainerSecurity(),
                                Resources = new ResourceRequirementsArgs { Requests = Map(ToolJobResources.Requests), Limits = Map(ToolJobResources.Limits) },
                            },
                        },
                    },
                },
            },
        }, new CustomResourceOptions { Parent = this, Provider = args.Provider, DependsOn = { secret, args.Login } });

        ChaosMeshNamespace = Output.Create(plan.ChaosMesh.Namespace);
        ChecksNamespace = Output.Create(plan.Namespace);
        RegisterOutputs(new Dictionary<string, object?> { ["chaosMeshNamespace"] = ChaosMeshNamespace, ["checksNamespace"] = ChecksNamespace });
    }

    /// <summary>Where Chaos Mesh runs (the experiments' controller).</summary>
    public Output<string> ChaosMeshNamespace { get; }

    /// <summary>Where the k6 CronJobs and the heartbeat writer run.</summary>
    public Output<string> ChecksNamespace { get; }

    private static JobSpecArgs K6Job(K6JobPlan run, StagingVerificationPlan plan)
    {
        var env = new InputList<EnvVarArgs>();
        foreach (var (key, value) in run.Environment)
        {
            env.Add(new EnvVarArgs { Name = key, Value = value });
        }

        return new JobSpecArgs
        {
            // A failed run is a finding to record, not a reason to run the load again.
            BackoffLimit = 0,
            ActiveDeadlineSeconds = run.ActiveDeadlineSeconds,
            Template = new PodTemplateSpecArgs
            {
                Metadata = new ObjectMetaArgs { Labels = Map(StagingVerificationPlan.Labels) },
                Spec = new PodSpecArgs
                {
                    RestartPolicy = "Never",
                    AutomountServiceAccountToken = false,
                    SecurityContext = PodSecurity(K6JobPlan.RunAsUser),
                    Containers =
                    {
                        new ContainerArgs
                        {
                            Name = "k6",
                            Image = K6JobPlan.Image.ToString(),
                            Args = run.Args.ToList(),
                            Env = env,
                            SecurityContext = ContainerSecurity(),
                            Resources = new ResourceRequirementsArgs { Requests = Map(K6JobPlan.Requests), Limits = Map(K6JobPlan.Limits) },
                            VolumeMounts =
                            {
                                new VolumeMountArgs { Name = "scripts", MountPath = K6JobPlan.ScriptsPath, ReadOnly = true },
                                new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" },
                            },
                        },
                    },
                    Volumes =
                    {
                        new VolumeArgs { Name = "scripts", ConfigMap = new ConfigMapVolumeSourceArgs { Name = plan.ScriptsConfigMap } },
                        new VolumeArgs { Name = "tmp", EmptyDir = new EmptyDirVolumeSourceArgs() },
                    },
                },
            },
        };
    }

    private static PodSecurityContextArgs PodSecurity(int? runAsUser)
    {
        var context = new PodSecurityContextArgs
        {
            RunAsNonRoot = true,
            SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
        };
        if (runAsUser is { } user)
        {
            context.RunAsUser = user;
        }

        return context;
    }

    private static SecurityContextArgs ContainerSecurity() => new()
    {
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = true,
        Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
    };

    private static ObjectMetaArgs Metadata(string name, string ns, IReadOnlyDictionary<string, string> labels) => new() { Name = name, Namespace = ns, Labels = Map(labels) };

    private static Dictionary<string, string> Map(IReadOnlyDictionary<string, string> values) => values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    // Helm values as plain dictionaries, nested as the chart reads them.
    private static InputMap<object> Values(IReadOnlyDictionary<string, object> values)
    {
        var map = new InputMap<object>();
        foreach (var (key, value) in values)
        {
            map.Add(key, Plain(value));
        }

        return map;
    }

    private static object Plain(object value) => value is IReadOnlyDictionary<string, object> nested
        ? nested.ToDictionary(v => v.Key, v => Plain(v.Value), StringComparer.Ordinal)
        : value;
}
