namespace KoraInfra.Platform.Release.Manifest;

/// <summary>
/// The kinds of linked evidence the gates of the seed's section 4 ask for. Load, soak, fault
/// injection and the restore drill are not among them: those are measured and signed by the
/// checks themselves (<see cref="Verification.EvidenceRecord"/>), never typed in.
/// </summary>
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

    /// <summary>Migration applied and rolled back in staging ("migracao+rollback", seed section 3).</summary>
    MigrationAndRollback,

    /// <summary>Runbook evidence tied to the release candidate ("vinculo entre evidencias de runbook e release candidate").</summary>
    Runbook,
}
