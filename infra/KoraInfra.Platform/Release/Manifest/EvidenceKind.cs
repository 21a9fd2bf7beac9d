namespace KoraInfra.Platform.Release.Manifest;

/// <summary>The kinds of evidence the gates of the seed's section 4 ask for.</summary>
public enum EvidenceKind
{
    /// <summary>required-check: lint report attached to the CI job.</summary>
    Lint,

    /// <summary>required-check: automated test report (O1/O2/O3 + runtime).</summary>
    UnitIntegration,

    /// <summary>required-check: <c>npm run smoke:runtime</c> with health/list/execute PASS.</summary>
    SmokeRuntime,

    /// <summary>required-check: OWASP/authz/RLS checklist + dependency and secret scan.</summary>
    SecurityChecks,

    /// <summary>Staging stable over the release window.</summary>
    StagingStable,

    /// <summary>Load test approved ("carga").</summary>
    Load,

    /// <summary>Soak test approved.</summary>
    Soak,

    /// <summary>Fault injection approved.</summary>
    FaultInjection,

    /// <summary>Migration applied and rolled back in staging ("migracao+rollback", seed section 3).</summary>
    MigrationAndRollback,

    /// <summary>Runbook evidence tied to the release candidate ("vinculo entre evidencias de runbook e release candidate").</summary>
    Runbook,
}
