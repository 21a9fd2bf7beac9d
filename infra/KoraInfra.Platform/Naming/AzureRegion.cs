namespace KoraInfra.Platform.Naming;

/// <summary>An Azure region KoraOS may run in, with the short code used in resource names.</summary>
/// <param name="Name">The Azure name, as <c>az account list-locations</c> prints it.</param>
/// <param name="ShortCode">Two to four letters for resource names.</param>
/// <param name="HasAvailabilityZones">Whether zone-redundant deployments are possible there.</param>
public sealed record AzureRegion(string Name, string ShortCode, bool HasAvailabilityZones);
