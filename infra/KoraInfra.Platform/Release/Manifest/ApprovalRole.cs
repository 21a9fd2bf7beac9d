namespace KoraInfra.Platform.Release.Manifest;

/// <summary>The roles whose sign-off the seed's section 4.2 requires.</summary>
public enum ApprovalRole
{
    /// <summary>DevOps on call: approves a staging deploy ("devops on-call").</summary>
    DevopsOnCall,

    /// <summary>DevOps: RC promotion and prod go/no-go.</summary>
    Devops,

    /// <summary>QA: RC promotion and prod go/no-go.</summary>
    Qa,

    /// <summary>Architect: RC promotion.</summary>
    Architect,

    /// <summary>Product owner: prod go/no-go.</summary>
    Po,

    /// <summary>Product manager: prod go/no-go.</summary>
    Pm,
}
