namespace KoraInfra.Platform.Secrets;

/// <summary>
/// A workload that reads secrets. Each one runs under its own user-assigned managed identity,
/// so a leaked token of one workload opens only that workload's secrets.
/// </summary>
public enum Workload
{
    /// <summary>The n8n automation engine (main and workers).</summary>
    N8n,

    /// <summary>The database migration job (forward-only, expand/contract).</summary>
    MigrationJob,

    /// <summary>The KoraOS platform runtime (API, queue consumers, Alertmanager).</summary>
    PlatformRuntime,

    /// <summary>The responder (incidents, escalation, automatic actions).</summary>
    Responder,
}

/// <summary>Names of workloads in resource names and messages.</summary>
public static class WorkloadNames
{
    /// <summary>Every workload, in a fixed order.</summary>
    public static IReadOnlyList<Workload> All { get; } = [Workload.N8n, Workload.MigrationJob, Workload.PlatformRuntime, Workload.Responder];

    /// <summary>
    /// The workload segment of the identity's resource name (<c>id-kora-prod-brs-n8n</c>). The
    /// runtime's identity is the foundation's <c>platform</c> identity, which no other workload
    /// and not the AKS control plane (it has its own) uses.
    /// </summary>
    public static string Segment(Workload workload) => workload switch
    {
        Workload.N8n => "n8n",
        Workload.MigrationJob => "migration",
        Workload.PlatformRuntime => "platform",
        Workload.Responder => "responder",
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "not a KoraOS workload"),
    };

    /// <summary>Whether the foundation declares the workload's identity (the platform runtime's), rather than the secrets capability.</summary>
    public static bool IdentityDeclaredByFoundation(Workload workload) => workload == Workload.PlatformRuntime;
}
