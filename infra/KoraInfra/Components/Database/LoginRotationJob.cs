using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Logins;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using KubernetesJob = Pulumi.Kubernetes.Batch.V1.Job;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace KoraInfra.Components.Database;

/// <summary>
/// The Job that runs <c>kora db rotate-logins</c> after the migrations, and the Secret it reads the
/// connection and the vault's passwords from. Pulumi waits for it to complete, so the consumers
/// declared after it receive a login the server already accepts.
/// </summary>
internal sealed class LoginRotationJob
{
    public LoginRotationJob(string name, LoginRotationJobPlan plan, Output<string> connectionString, IReadOnlyDictionary<string, Output<string>> passwords, TenantDatabaseArgs args, Resource migration, Resource parent)
    {
        var provider = args.KubernetesProvider;
        var data = new InputMap<string> { { plan.ConnectionKey, Output.CreateSecret(connectionString) } };
        foreach (var (_, key) in plan.Passwords)
        {
            data.Add(key, Output.CreateSecret(passwords[key]));
        }

        var secret = new KubernetesSecret($"{name}-credentials", new SecretArgs
        {
            Metadata = new ObjectMetaArgs { Name = plan.SecretName, Namespace = args.Namespace, Labels = KoraToolJob.Labels(plan.Labels) },
            Type = "Opaque",
            StringData = data,
        }, new CustomResourceOptions { Parent = parent, Provider = provider });

        var env = new InputList<EnvVarArgs> { KoraToolJob.FromSecret(plan.ConnectionVariable, plan.SecretName, plan.ConnectionKey) };
        foreach (var (variable, key) in plan.Passwords)
        {
            env.Add(KoraToolJob.FromSecret(variable, plan.SecretName, key));
        }

        var annotations = new InputMap<string> { { LoginRotationJobPlan.FingerprintAnnotation, plan.RotationFingerprint } };
        Job = new KubernetesJob(name, new JobArgs
        {
            Metadata = new ObjectMetaArgs { Namespace = args.Namespace, Labels = KoraToolJob.Labels(plan.Labels), Annotations = annotations },
            Spec = KoraToolJob.Spec(
                new ContainerArgs { Name = "rotate-logins", Image = plan.Image, Args = plan.Args.ToList(), Env = env },
                KoraToolJob.Labels(plan.Labels),
                annotations,
                plan.BackoffLimit,
                plan.ActiveDeadlineSeconds),
        }, new CustomResourceOptions
        {
            Parent = parent,
            Provider = provider,
            DependsOn = { secret, migration },
            CustomTimeouts = new CustomTimeouts { Create = ToolJobResources.PulumiWait(plan.ActiveDeadlineSeconds) },
        });
    }

    public KubernetesJob Job { get; }
}
