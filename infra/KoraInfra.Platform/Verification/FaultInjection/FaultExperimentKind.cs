namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>
/// The faults staging is put through before an RC is promoted (seed 4.2: "fault injection
/// aprovados"), each aimed at a compensating control of risk R-DO-005 (replay, fallback, safe mode).
/// </summary>
public enum FaultExperimentKind
{
    /// <summary>One n8n worker pod killed: queued executions must move to the other workers.</summary>
    N8nWorkerPodKill,

    /// <summary>The KoraOS pods cut off from Redis for N minutes: the fallback path must carry the load, replay must drain after.</summary>
    RedisPartition,

    /// <summary>A forced failover of the zone-redundant PostgreSQL: the standby takes over, the app reconnects.</summary>
    PostgresFailover,
}
