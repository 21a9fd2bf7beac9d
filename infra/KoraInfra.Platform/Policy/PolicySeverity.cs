namespace KoraInfra.Platform.Policy;

/// <summary>How bad a violation is, independent of whether it blocks.</summary>
public enum PolicySeverity
{
    /// <summary>Hygiene.</summary>
    Low,

    /// <summary>Weakens a control.</summary>
    Medium,

    /// <summary>Opens a path to data or credentials.</summary>
    High,

    /// <summary>Breaks a release-governance or tenant-isolation guarantee.</summary>
    Critical,
}
