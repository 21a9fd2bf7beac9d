using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>A container of a Kubernetes workload, with the pod spec it runs in.</summary>
/// <param name="Name">The container name.</param>
/// <param name="Container">The container spec.</param>
/// <param name="PodSpec">The pod spec (for pod-level security context).</param>
internal sealed record ContainerSpec(string Name, JsonObject Container, JsonObject PodSpec);

/// <summary>Finds the containers of every kind of Kubernetes workload.</summary>
internal static class PodSpecs
{
    // Where each workload kind keeps its pod spec.
    private static readonly Dictionary<string, string> PodSpecPaths = new(StringComparer.Ordinal)
    {
        ["kubernetes:core/v1:Pod"] = "spec",
        ["kubernetes:apps/v1:Deployment"] = "spec.template.spec",
        ["kubernetes:apps/v1:StatefulSet"] = "spec.template.spec",
        ["kubernetes:apps/v1:DaemonSet"] = "spec.template.spec",
        ["kubernetes:apps/v1:ReplicaSet"] = "spec.template.spec",
        ["kubernetes:batch/v1:Job"] = "spec.template.spec",
        ["kubernetes:batch/v1:CronJob"] = "spec.jobTemplate.spec.template.spec",
    };

    /// <summary>The workload types.</summary>
    public static IReadOnlySet<string> WorkloadTypes { get; } = PodSpecPaths.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Every container and init container of a workload.</summary>
    public static IEnumerable<ContainerSpec> Containers(ResourceSnapshot resource)
    {
        if (!PodSpecPaths.TryGetValue(resource.Type, out var path) || resource.Property(path) is not JsonObject podSpec)
        {
            yield break;
        }

        foreach (var list in new[] { "initContainers", "containers" })
        {
            if (podSpec[list] is not JsonArray containers)
            {
                continue;
            }

            foreach (var container in containers.OfType<JsonObject>())
            {
                yield return new ContainerSpec(Json.Text(container["name"]) ?? "(unnamed)", container, podSpec);
            }
        }
    }
}
