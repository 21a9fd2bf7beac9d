namespace KoraInfra.Platform.Environments;

/// <summary>
/// Checks an environment must pass before a release moves on. Staging's list is the seed's
/// "obrigatorio rodar smoke, migracao+rollback, restore drill, fault injection e RTM P0".
/// </summary>
public enum MandatoryCheck
{
    /// <summary>Runtime smoke test (<c>npm run smoke:runtime</c>: health/list/execute PASS).</summary>
    Smoke,

    /// <summary>Migration applied and rolled back ("migracao+rollback").</summary>
    MigrationAndRollback,

    /// <summary>Backup restored within its RPO/RTO ("restore drill").</summary>
    RestoreDrill,

    /// <summary>Fault injection run and approved.</summary>
    FaultInjection,

    /// <summary>RTM P0 (RF/RNF -> US -> TC -> evidencia) complete.</summary>
    RtmP0,
}
