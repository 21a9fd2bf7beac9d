namespace KoraInfra.Platform.Response;

/// <summary>The incident priorities of the runbook (seed section 7: "classificar severidade (P0/P1/P2)").</summary>
public enum Priority
{
    /// <summary>Platform-critical: ACK within 5 min, containment within 15 min, escalates along the chain.</summary>
    P0 = 0,

    /// <summary>High: ACK within 15 min, containment within 60 min.</summary>
    P1 = 1,

    /// <summary>Warning: ACK within 4 business hours.</summary>
    P2 = 2,
}
