namespace KoraInfra.Platform.Network;

/// <summary>What a subnet holds; each role has exactly one subnet.</summary>
public enum SubnetRole
{
    /// <summary>The AKS nodes (pods live in the overlay range, not here).</summary>
    ClusterNodes,

    /// <summary>The private endpoints of the data services.</summary>
    PrivateEndpoints,
}
