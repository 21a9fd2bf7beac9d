namespace KoraInfra.Platform.Workloads;

/// <summary>A container's requests and limits, in Kubernetes quantities.</summary>
/// <param name="CpuRequest">CPU the scheduler reserves (<c>250m</c>).</param>
/// <param name="MemoryRequest">Memory the scheduler reserves (<c>512Mi</c>).</param>
/// <param name="CpuLimit">CPU ceiling.</param>
/// <param name="MemoryLimit">Memory ceiling; above it the container is killed.</param>
public sealed record ResourceSizing(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit)
{
    /// <summary>The requests map.</summary>
    public IReadOnlyDictionary<string, string> Requests => new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cpu"] = CpuRequest, ["memory"] = MemoryRequest };

    /// <summary>The limits map.</summary>
    public IReadOnlyDictionary<string, string> Limits => new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cpu"] = CpuLimit, ["memory"] = MemoryLimit };
}
