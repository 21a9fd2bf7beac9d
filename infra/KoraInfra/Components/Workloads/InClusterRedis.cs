using KoraInfra.Platform.Workloads;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Random;
using static KoraInfra.Components.Workloads.KubernetesTranslation;
using K8sApps = Pulumi.Kubernetes.Apps.V1;
using K8sCore = Pulumi.Kubernetes.Core.V1;

namespace KoraInfra.Components.Workloads;

/// <summary>
/// A throwaway Redis for n8n on a developer's existing cluster (see <see cref="InClusterRedisPlan"/>):
/// one pod, a generated password in a Secret, a ClusterIP Service.
/// </summary>
public sealed class InClusterRedis : ComponentResource
{
    /// <summary>Declares the in-cluster Redis.</summary>
    public InClusterRedis(string name, InClusterRedisArgs args, ComponentResourceOptions? options = null)
        : base("kora:workloads:InClusterRedis", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var kubernetes = new CustomResourceOptions { Parent = this, Provider = args.Provider };

        var password = new RandomPassword("redis-password", new RandomPasswordArgs
        {
            Length = 32,

            // Alphanumeric only: the password travels on a command line and in a URL-less client config.
            Special = false,
        }, new CustomResourceOptions { Parent = this });
        Password = Output.CreateSecret(password.Result);

        var secret = new K8sCore.Secret("redis-secret", new SecretArgs
        {
            Metadata = Metadata(plan.Name, args.Namespace, plan.Labels),
            Type = "Opaque",
            StringData = { { InClusterRedisPlan.PasswordKey, Password } },
        }, kubernetes);

        var selector = plan.Labels.Where(l => l.Key == "app.kubernetes.io/name").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        _ = new K8sApps.Deployment("redis", new DeploymentArgs
        {
            Metadata = Metadata(plan.Name, args.Namespace, plan.Labels),
            Spec = new DeploymentSpecArgs
            {
                Replicas = 1,
                Selector = Selector(selector),

                // One pod with no persistence: never two at once.
                Strategy = new DeploymentStrategyArgs { Type = "Recreate" },
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs { Labels = Map(plan.Labels) },
                    Spec = new PodSpecArgs
                    {
                        AutomountServiceAccountToken = false,
                        EnableServiceLinks = false,
                        SecurityContext = PodSecurityContext(InClusterRedisPlan.RunAsUser, InClusterRedisPlan.RunAsUser, InClusterRedisPlan.RunAsUser),
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "redis",
                                Image = plan.Image.ToString(),
                                Args = plan.Arguments.ToList(),
                                Env =
                                {
                                    new EnvVarArgs
                                    {
                                        Name = "REDIS_PASSWORD",
                                        ValueFrom = new EnvVarSourceArgs
                                        {
                                            SecretKeyRef = new SecretKeySelectorArgs { Name = secret.Metadata.Apply(m => m.Name), Key = InClusterRedisPlan.PasswordKey },
                                        },
                                    },
                                },
                                Ports = { new ContainerPortArgs { Name = "redis", ContainerPortValue = InClusterRedisPlan.Port, Protocol = "TCP" } },
                                Resources = Resources(plan.Resources),
                                SecurityContext = ContainerSecurity(InClusterRedisPlan.RunAsUser, InClusterRedisPlan.RunAsUser, readOnlyRootFilesystem: true),
                                LivenessProbe = new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = InClusterRedisPlan.Port }, PeriodSeconds = 10 },
                                ReadinessProbe = new ProbeArgs { TcpSocket = new TCPSocketActionArgs { Port = InClusterRedisPlan.Port }, PeriodSeconds = 5 },
                                VolumeMounts = { new VolumeMountArgs { Name = "data", MountPath = "/data" } },
                            },
                        },
                        Volumes = { new VolumeArgs { Name = "data", EmptyDir = new EmptyDirVolumeSourceArgs() } },
                    },
                },
            },
        }, kubernetes);

        _ = new K8sCore.Service("redis-service", new ServiceArgs
        {
            Metadata = Metadata(plan.Name, args.Namespace, plan.Labels),
            Spec = new ServiceSpecArgs
            {
                Type = "ClusterIP",
                Selector = Map(selector),
                Ports = { new ServicePortArgs { Name = "redis", Port = InClusterRedisPlan.Port, TargetPort = "redis", Protocol = "TCP" } },
            },
        }, kubernetes);

        RegisterOutputs(new Dictionary<string, object?> { ["password"] = Password });
    }

    /// <summary>The generated password (secret): n8n's credentials Secret carries it too.</summary>
    public Output<string> Password { get; }
}
