namespace KoraInfra.Platform.Network;

/// <summary>One data service's private endpoint in the endpoint subnet, with its DNS zone group.</summary>
/// <param name="Key">Which resource of the stack it serves (<c>vault</c>, <c>postgres</c>, <c>redis</c>, <c>release-store</c>, <c>redis-snapshots</c>).</param>
/// <param name="Service">The service kind.</param>
/// <param name="TargetName">The Azure name of the resource it connects to.</param>
/// <param name="Name">The endpoint's own name.</param>
public sealed record PrivateEndpointPlan(string Key, PrivateService Service, string TargetName, string Name)
{
    /// <summary>The connection is named after its target, so a reader (and the policy) can tell what it serves before ids exist.</summary>
    public string ConnectionName => TargetName;

    /// <summary>The Private Link sub-resource.</summary>
    public string GroupId => PrivateServices.GroupId(Service);

    /// <summary>The private DNS zone its A record lives in.</summary>
    public string ZoneName => PrivateServices.ZoneName(Service);

    /// <summary>The zone group (one per endpoint).</summary>
    public string ZoneGroupName { get; init; } = "default";

    /// <summary>The zone group's configuration entry, named after the zone.</summary>
    public string ZoneConfigName => ZoneName.Replace('.', '-');

    /// <summary>The name clients resolve: the public host, answered from the private zone inside the VNet.</summary>
    public string HostName => $"{TargetName}.{PrivateServices.PublicSuffix(Service)}";
}

/// <summary>A private DNS zone linked to the environment's VNet.</summary>
/// <param name="ZoneName">The zone, exactly as Azure names it.</param>
/// <param name="LinkName">The virtual network link's name.</param>
public sealed record PrivateDnsZonePlan(string ZoneName, string LinkName)
{
    /// <summary>Azure's DNS answers only from the zone; the VNet never registers VM names in it.</summary>
    public bool RegistrationEnabled { get; init; }

    /// <summary>Private DNS zones are global resources.</summary>
    public string Location { get; init; } = "global";
}
