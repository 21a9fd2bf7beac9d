using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>A container of a Kubernetes workload, with the pod spec it runs in.</summary>
/// <param name="Name">The container name.</param>
/// <param name="Container">The container spec.</param>
/// <param name="PodSpec">The pod spec (for pod-level security context).</param>
internal sealed record ContainerSpec(string Name, JsonElement Container, JsonElement PodSpec);

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

    // The containers each workload was found to have. KORA-040 to KORA-044 all look at every
    // workload's containers: they are found once per workload, not once per rule. Weak keys:
    // the list lives as long as its resource.
    private static readonly ConditionalWeakTable<ResourceSnapshot, IReadOnlyList<ContainerSpec>> Found = [];

    /// <summary>Every container and init container of a workload.</summary>
    public static IReadOnlyList<ContainerSpec> Containers(ResourceSnapshot resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Found.GetValue(resource, Find);
    }

    private static IReadOnlyList<ContainerSpec> Find(ResourceSnapshot resource)
    {
        var podSpec = PodSpec(resource);
        if (podSpec is not { } spec)
        {
            return [];
        }

        var containers = new List<ContainerSpec>();
        AddContainers(spec, "initContainers", containers);
        AddContainers(spec, "containers", containers);
        return containers;
    }

    // Small plain methods rather than one iterator with pattern variables: mutation testing must
    // be able to change each step and still compile (docs/testing.md).
    private static JsonElement? PodSpec(ResourceSnapshot resource)
    {
        var path = PodSpecPaths.GetValueOrDefault(resource.Type);
        var podSpec = path is null ? null : resource.Property(path);
        return Json.IsObject(podSpec) ? podSpec : null;
    }

    private static void AddContainers(JsonElement podSpec, string list, List<ContainerSpec> containers)
    {
        foreach (var container in Json.Items(Json.Get(podSpec, list)))
        {
            if (container.ValueKind == JsonValueKind.Object)
            {
                containers.Add(new ContainerSpec(NameOf(container), container, podSpec));
            }
        }
    }

    private static string NameOf(JsonElement container) => Json.Text(Json.Get(container, "name")) ?? "(unnamed)";
}
