namespace KoraInfra.Platform.Network;

/// <summary>
/// How the flexible server is reached. Azure fixes it when the server is created: a server made
/// with VNet integration cannot move to public access or private endpoints, nor back, without a
/// new server and a data migration. So it is pinned per environment here, not a setting.
/// </summary>
public enum PostgresConnectivity
{
    /// <summary>Public endpoint behind firewall rules (dev only).</summary>
    PublicAllowlist,

    /// <summary>Public access disabled; a private endpoint in the endpoint subnet (staging, prod).</summary>
    PrivateEndpoint,

    /// <summary>Injected in a delegated subnet (not used by any environment; see docs/network.md).</summary>
    VnetIntegration,
}
