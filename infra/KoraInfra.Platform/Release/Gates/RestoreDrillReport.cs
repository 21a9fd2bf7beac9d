namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// The report of a restore drill run in staging ("executar restore recorrente em staging com
/// RPO/RTO e relatorio auditavel", risk R-DO-003).
/// </summary>
public sealed record RestoreDrillReport
{
    /// <summary>The stack the backup was restored in (staging).</summary>
    public required string Stack { get; init; }

    /// <summary>The release candidate the drill ran against (its runbook evidence is tied to the RC).</summary>
    public required Manifest.ReleaseVersion ReleaseCandidate { get; init; }

    /// <summary>When the drill ran.</summary>
    public required DateTimeOffset PerformedAt { get; init; }

    /// <summary>The recovery point objective of the restored database, in minutes (the database capability's backup plan).</summary>
    public required int RpoTargetMinutes { get; init; }

    /// <summary>The recovery time objective, in minutes.</summary>
    public required int RtoTargetMinutes { get; init; }

    /// <summary>Data lost in the drill: time between the last recoverable point and the failure, in minutes.</summary>
    public required int MeasuredRpoMinutes { get; init; }

    /// <summary>Time to restore service in the drill, in minutes.</summary>
    public required int MeasuredRtoMinutes { get; init; }

    /// <summary>The auditable report.</summary>
    public required Uri Url { get; init; }
}
