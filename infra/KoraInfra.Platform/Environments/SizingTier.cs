namespace KoraInfra.Platform.Environments;

/// <summary>
/// A stack file chooses a tier; Platform turns the tier into SKUs and sizes. Ordered: a larger
/// value is a larger platform.
/// </summary>
public enum SizingTier
{
    /// <summary>Development: smallest SKUs, no redundancy.</summary>
    Small = 1,

    /// <summary>Near-production: production SKU families at lower capacity.</summary>
    Medium = 2,

    /// <summary>Production: zone-redundant where the service offers it.</summary>
    Large = 3,
}
