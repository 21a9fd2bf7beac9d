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
        ArgumentNullException.ThrowIfNull(resource);
        var podSpec = PodSpec(resource);
        if (podSpec is null)
        {
            return [];
        }

        return ContainersIn(podSpec, "initContainers").Concat(ContainersIn(podSpec, "containers")).ToList();
    }

    // Small plain methods rather than one iterator with pattern variables: mutation testing must
    // be able to change each step and still compile (docs/testing.md).
    private static JsonObject? PodSpec(ResourceSnapshot resource)
    {
        var path = PodSpecPaths.GetValueOrDefault(resource.Type);
        return path is null ? null : resource.Property(path) as JsonObject;
    }

    private static IEnumerable<ContainerSpec> ContainersIn(JsonObject podSpec, string list)
    {
        var containers = podSpec[list] as JsonArray ?? [];
        return containers.OfType<JsonObject>().Select(container => new ContainerSpec(NameOf(container), container, podSpec));
    }

    private static string NameOf(JsonObject container) => Json.Text(container["name"]) ?? "(unnamed)";
}
