namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// How the drill reaches a throwaway server in an environment whose data services refuse public
/// traffic: a point-in-time restore copies the source's disabled public access but not its private
/// endpoint, so the driver gives the copy one in the stack's endpoint subnet, registered in the
/// stack's private DNS zone (the copy's host then resolves to it inside the VNet), and removes it
/// before the server.
/// </summary>
/// <param name="VirtualNetwork">The stack's VNet.</param>
/// <param name="Subnet">Its private endpoint subnet.</param>
/// <param name="GroupId">The Private Link sub-resource (<c>postgresqlServer</c>).</param>
/// <param name="ZoneName">The private DNS zone of PostgreSQL flexible servers.</param>
/// <param name="ZoneConfigName">The zone group's entry, named after the zone as the stack's own endpoints name it.</param>
public sealed record AzureRestoreReach(string VirtualNetwork, string Subnet, string GroupId, string ZoneName, string ZoneConfigName)
{
    /// <summary>The throwaway endpoint's name: the throwaway server's, prefixed, within Azure's 64 characters.</summary>
    public static string EndpointName(string targetServerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetServerName);
        var name = "pep-" + targetServerName;
        return name.Length > 64 ? name[..64].TrimEnd('-') : name;
    }
}
