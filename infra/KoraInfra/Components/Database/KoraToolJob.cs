using KoraInfra.Platform.Database;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace KoraInfra.Components.Database;

/// <summary>
/// The one shape of a Job that runs the kora-tools image against the database (the migrations,
/// the login rotation): a single restricted, non-root container whose environment comes only
/// from a Secret, so both Jobs meet the policy pack's container rules the same way.
/// </summary>
internal static class KoraToolJob
{
    /// <summary>The Job's spec: one run of <paramref name="container"/>, never restarted in place.</summary>
    public static JobSpecArgs Spec(ContainerArgs container, InputMap<string> labels, InputMap<string> annotations, int backoffLimit, int activeDeadlineSeconds)
    {
        container.SecurityContext = new SecurityContextArgs
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            RunAsNonRoot = true,
            Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
        };
        container.Resources = new ResourceRequirementsArgs
        {
            Requests = Labels(ToolJobResources.Requests),
            Limits = Labels(ToolJobResources.Limits),
        };
        return new JobSpecArgs
        {
            BackoffLimit = backoffLimit,
            ActiveDeadlineSeconds = activeDeadlineSeconds,
            Template = new PodTemplateSpecArgs
            {
                Metadata = new ObjectMetaArgs { Labels = labels, Annotations = annotations },
                Spec = new PodSpecArgs
                {
                    RestartPolicy = "Never",
                    AutomountServiceAccountToken = false,
                    SecurityContext = new PodSecurityContextArgs
                    {
                        RunAsNonRoot = true,
                        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
                    },
                    Containers = { container },
                },
            },
        };
    }

    /// <summary>A variable read from a key of a Secret.</summary>
    public static EnvVarArgs FromSecret(string variable, string secretName, string key) => new()
    {
        Name = variable,
        ValueFrom = new EnvVarSourceArgs { SecretKeyRef = new SecretKeySelectorArgs { Name = secretName, Key = key } },
    };

    /// <summary>A plan's string map (labels, resource quantities) as the SDK's input map.</summary>
    public static InputMap<string> Labels(IReadOnlyDictionary<string, string> labels)
    {
        var map = new InputMap<string>();
        foreach (var (key, value) in labels)
        {
            map.Add(key, value);
        }

        return map;
    }
}
