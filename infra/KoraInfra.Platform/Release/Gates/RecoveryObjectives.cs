namespace KoraInfra.Platform.Release.Gates;

/// <summary>Recovery limits from the seed that a restore drill must respect.</summary>
public static class RecoveryObjectives
{
    /// <summary>
    /// The longest recovery time objective a drill may be judged against: "P0: restaurar servico
    /// principal &lt;= 60 min" (seed section 7, SLA de recuperacao).
    /// </summary>
    public static readonly TimeSpan MaximumRto = TimeSpan.FromMinutes(60);
}
