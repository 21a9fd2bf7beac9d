using System.Collections.Immutable;
using KoraInfra.OfflinePlan;

namespace KoraInfra.Tests.Workloads;

/// <summary>Walks the nested inputs the mock monitor recorded (maps and lists of maps).</summary>
internal static class Inputs
{
    public static object? At(this RecordedResource resource, params string[] path)
    {
        object? current = resource.Inputs;
        foreach (var step in path)
        {
            current = current is ImmutableDictionary<string, object?> map && map.TryGetValue(step, out var next) ? next
                : current is ImmutableDictionary<string, object> plain && plain.TryGetValue(step, out var plainNext) ? plainNext
                : null;
        }

        return current;
    }

    public static ImmutableDictionary<string, object?> Object(object? value) =>
        value as ImmutableDictionary<string, object?> ?? ImmutableDictionary<string, object?>.Empty;

    public static IReadOnlyList<ImmutableDictionary<string, object?>> Objects(object? value) =>
        value is ImmutableArray<object?> list ? list.Select(Object).ToList() : [];

    public static IReadOnlyList<string> Texts(object? value) =>
        value is ImmutableArray<object?> list ? list.Select(v => (string)v!).ToList() : [];

    public static IReadOnlyList<ImmutableDictionary<string, object?>> Containers(this RecordedResource deployment) =>
        [.. Objects(deployment.At("spec", "template", "spec", "containers")), .. Objects(deployment.At("spec", "template", "spec", "initContainers"))];

    public static string MetadataName(this RecordedResource resource) => (string)resource.At("metadata", "name")!;
}
