namespace KoraInfra.Platform.Workloads;

/// <summary>
/// The security context of every n8n container, which the workload namespace's restricted Pod
/// Security Standard demands: non-root, no privilege escalation, every capability dropped, the
/// runtime's default seccomp profile; plus a read-only root filesystem, with the few folders
/// n8n writes to mounted as empty directories.
/// </summary>
/// <param name="RunAsUser">The uid (<c>node</c> in the n8n image).</param>
/// <param name="RunAsGroup">The gid.</param>
/// <param name="FsGroup">The group that owns mounted volumes, so the secret files are readable.</param>
/// <param name="WritablePaths">Empty directories mounted over the read-only root, by volume name.</param>
public sealed record PodSecurity(int RunAsUser, int RunAsGroup, int FsGroup, IReadOnlyDictionary<string, string> WritablePaths)
{
    /// <summary>The n8n image's <c>node</c> user.</summary>
    public static PodSecurity N8n { get; } = new(1000, 1000, 1000, new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        // Settings file, instance id, binary data in memory mode spill, nodes cache.
        ["n8n-home"] = "/home/node/.n8n",

        // Node's and n8n's temporary files (task runners, uploads in flight).
        ["tmp"] = "/tmp",

        // npm/corepack caches some nodes touch.
        ["cache"] = "/home/node/.cache",
    });

    /// <summary>Non-root only.</summary>
    public bool RunAsNonRoot { get; init; } = true;

    /// <summary>No setuid escalation.</summary>
    public bool AllowPrivilegeEscalation { get; init; }

    /// <summary>Every Linux capability dropped.</summary>
    public IReadOnlyList<string> DropCapabilities { get; } = ["ALL"];

    /// <summary>The image cannot be modified at run time.</summary>
    public bool ReadOnlyRootFilesystem { get; init; } = true;

    /// <summary>The container runtime's default seccomp profile.</summary>
    public string SeccompProfile { get; init; } = "RuntimeDefault";

    /// <summary>Pods do not need to talk to the Kubernetes API.</summary>
    public bool AutomountServiceAccountToken { get; init; }
}
