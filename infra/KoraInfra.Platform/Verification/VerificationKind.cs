namespace KoraInfra.Platform.Verification;

/// <summary>
/// The staging checks that run as code and sign what they saw (seed section 3: "smoke, ...,
/// restore drill, fault injection"; 4.2: "carga/soak/fault injection aprovados"; R-DO-003).
/// </summary>
public enum VerificationKind
{
    /// <summary>A point-in-time restore into a throwaway server, verified and measured (RPO/RTO).</summary>
    RestoreDrill,

    /// <summary>A Chaos Mesh experiment with its steady-state hypothesis checked before, during and after.</summary>
    FaultInjection,

    /// <summary>A k6 load run against staging.</summary>
    Load,

    /// <summary>A k6 soak run against staging.</summary>
    Soak,

    /// <summary><c>smoke:runtime</c> (health/list/execute) after a staging deploy.</summary>
    SmokeRuntime,
}
