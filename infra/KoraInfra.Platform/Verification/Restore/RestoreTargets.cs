namespace KoraInfra.Platform.Verification.Restore;

/// <summary>The RPO and RTO a drill is judged against, from the stack settings.</summary>
/// <param name="Rpo">The most data (time) a restore may lose.</param>
/// <param name="Rto">The longest a restore may take, start to restored server verified.</param>
public sealed record RestoreTargets(TimeSpan Rpo, TimeSpan Rto)
{
    /// <summary>Refuses targets the seed does not allow: an RTO beyond "P0: restaurar servico principal &lt;= 60 min".</summary>
    public static RestoreTargets Checked(TimeSpan rpo, TimeSpan rto, string where)
    {
        var ceiling = Release.Gates.RecoveryObjectives.MaximumRto;
        if (rpo <= TimeSpan.Zero || rto <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{where}: RPO and RTO targets must be positive; found RPO {rpo.TotalMinutes} min, RTO {rto.TotalMinutes} min");
        }

        return rto > ceiling
            ? throw new ArgumentException($"{where}: RTO target {rto.TotalMinutes} min is beyond the P0 recovery SLA (restaurar servico principal <= 60 min); expected at most {ceiling.TotalMinutes} min")
            : new RestoreTargets(rpo, rto);
    }
}
