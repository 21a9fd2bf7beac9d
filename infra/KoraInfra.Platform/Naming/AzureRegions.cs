namespace KoraInfra.Platform.Naming;

/// <summary>
/// The regions KoraOS supports. A short list on purpose: each region here has been checked for
/// the services the platform uses; adding one is a reviewed change, not a typo in a stack file.
/// </summary>
public static class AzureRegions
{
    /// <summary>Every supported region.</summary>
    public static IReadOnlyList<AzureRegion> All { get; } =
    [
        new("brazilsouth", "brs", HasAvailabilityZones: true),
        new("brazilsoutheast", "bse", HasAvailabilityZones: false),
        new("eastus", "eus", HasAvailabilityZones: true),
        new("eastus2", "eus2", HasAvailabilityZones: true),
        new("westeurope", "weu", HasAvailabilityZones: true),
        new("northeurope", "neu", HasAvailabilityZones: true),
        new("francecentral", "frc", HasAvailabilityZones: true),
        new("germanywestcentral", "gwc", HasAvailabilityZones: true),
    ];

    /// <summary>Finds a supported region by its exact Azure name.</summary>
    public static AzureRegion? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>The supported names, for an error message.</summary>
    public static string Expected => string.Join(", ", All.Select(r => $"'{r.Name}'"));
}
