namespace KoraInfra.Platform.Network;

/// <summary>The environment's egress: a NAT gateway with one static public IP, on the node subnet.</summary>
/// <param name="Name">The gateway.</param>
/// <param name="PublicIpName">Its public IP: the one address the internet (and the API server's allowlist) sees.</param>
/// <param name="IdleTimeoutMinutes">TCP idle timeout.</param>
/// <param name="Zones">
/// The public IP's zones: zone-redundant where the environment is. The gateway itself is not
/// zonal (a zonal gateway would tie all egress to one zone).
/// </param>
public sealed record NatGatewayPlan(string Name, string PublicIpName, int IdleTimeoutMinutes, IReadOnlyList<string> Zones)
{
    /// <summary>NAT gateways take Standard SKU public IPs only.</summary>
    public string Sku { get; init; } = "Standard";

    /// <summary>A static address, so the allowlists that name it stay true.</summary>
    public string AllocationMethod { get; init; } = "Static";
}
