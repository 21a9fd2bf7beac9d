using KoraInfra.Platform.Database;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using KubernetesJob = Pulumi.Kubernetes.Batch.V1.Job;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace KoraInfra.Components.Database;

/// <summary>
/// The Kubernetes Job that runs <c>kora db migrate</c>, and the Secret it reads the connection
/// from. The Job's pod template carries the image and the migrations' fingerprint, so a new
/// release or a new migration replaces (and so re-runs) the Job; Pulumi waits for it to complete,
/// so resources that depend on it see the migrated schema.
/// </summary>
internal sealed class SchemaMigrationJob
{
    public SchemaMigrationJob(string name, MigrationJobPlan plan, Output<string> connectionString, TenantDatabaseArgs args, IReadOnlyList<Resource> prerequisites, Resource parent)
    {
        var provider = args.KubernetesProvider;
        var secret = new KubernetesSecret($"{name}-connection", new SecretArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = plan.SecretName,
                Namespace = args.Namespace,
                Labels = KoraToolJob.Labels(plan.Labels),
            },
            Type = "Opaque",
            StringData = { { plan.SecretKey, connectionString } },
        }, new CustomResourceOptions { Parent = parent, Provider = provider });

        var annotations = new InputMap<string> { { MigrationJobPlan.FingerprintAnnotation, plan.MigrationsFingerprint } };
        var options = new CustomResourceOptions
        {
            Parent = parent,
            Provider = provider,
            DependsOn = new InputList<Resource> { secret },
            CustomTimeouts = new CustomTimeouts { Create = ToolJobResources.PulumiWait(plan.ActiveDeadlineSeconds) },
        };
        foreach (var prerequisite in prerequisites)
        {
            options.DependsOn.Add(prerequisite);
        }

        Job = new KubernetesJob(name, new JobArgs
        {
            // No fixed name: Pulumi names it, so a replacement is created before the old one goes.
            Metadata = new ObjectMetaArgs { Namespace = args.Namespace, Labels = KoraToolJob.Labels(plan.Labels), Annotations = annotations },
            Spec = KoraToolJob.Spec(
                new ContainerArgs
                {
                    Name = "migrate",
                    Image = plan.Image,
                    Args = plan.Args.ToList(),
                    Env = { KoraToolJob.FromSecret(plan.ConnectionVariable, plan.SecretName, plan.SecretKey) },
                },
                KoraToolJob.Labels(plan.Labels),
                annotations,
                plan.BackoffLimit,
                plan.ActiveDeadlineSeconds),
        }, options);
    }

    public KubernetesJob Job { get; }
}
