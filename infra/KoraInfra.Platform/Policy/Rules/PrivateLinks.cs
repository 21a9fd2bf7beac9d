using System.Text.Json;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>
/// How the network rules tell which private endpoint serves which resource, and which zone a
/// zone group names, from inputs alone: ids may be unknown in a preview, so a connection named
/// after its target (as KoraInfra names them) counts as well as the target's id.
/// </summary>
internal static class PrivateLinks
{
    /// <summary>The Azure name of a data service resource, from its name input or output.</summary>
    public static string? AzureName(ResourceSnapshot resource) => resource.Type switch
    {
        TypeTokens.KeyVault => resource.Text("vaultName"),
        TypeTokens.PostgreSqlServer => resource.Text("serverName"),
        TypeTokens.StorageAccount => resource.Text("accountName"),
        _ => null,
    } ?? resource.Text("name");

    /// <summary>The last segment of a resource id (the resource's own name), or null.</summary>
    public static string? LastSegment(string? id) =>
        string.IsNullOrEmpty(id) ? null : id.TrimEnd('/')[(id.TrimEnd('/').LastIndexOf('/') + 1)..];

    /// <summary>The private endpoints whose connection targets a resource with this name, with the group ids they ask for.</summary>
    public static IEnumerable<EndpointLink> EndpointsFor(StackSnapshot stack, string targetName)
    {
        foreach (var endpoint in stack.OfType(TypeTokens.PrivateEndpoint))
        {
            foreach (var connection in Connections(endpoint))
            {
                var name = Json.Text(Json.Get(connection, "name"));
                var target = LastSegment(Json.Text(Json.Get(connection, "privateLinkServiceId")));
                if (string.Equals(name, targetName, StringComparison.OrdinalIgnoreCase) || string.Equals(target, targetName, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new EndpointLink(endpoint, Json.Texts(Json.Get(connection, "groupIds")));
                }
            }
        }
    }

    /// <summary>The private DNS zones the zone groups of an endpoint name.</summary>
    public static IReadOnlyList<string> ZonesOf(StackSnapshot stack, ResourceSnapshot endpoint)
    {
        var endpointName = endpoint.Text("privateEndpointName") ?? endpoint.Name;
        var zones = new List<string>();
        foreach (var group in stack.OfType(TypeTokens.PrivateDnsZoneGroup).Where(g => string.Equals(g.Text("privateEndpointName"), endpointName, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var config in Json.Objects(group.Property("privateDnsZoneConfigs")))
            {
                AddZone(zones, LastSegment(Json.Text(Json.Get(config, "privateDnsZoneId"))));
                AddZone(zones, Json.Text(Json.Get(config, "name"))?.Replace('-', '.'));
            }
        }

        return zones;
    }

    private static void AddZone(List<string> zones, string? zone)
    {
        if (zone is not null)
        {
            zones.Add(zone);
        }
    }

    // The automatic connections first, then the manual ones. A plain loop, not a collection
    // expression or LINQ over JsonElement: framework generics over it are JIT-compiled per run.
    private static JsonElement[] Connections(ResourceSnapshot endpoint)
    {
        var automatic = Json.Objects(endpoint.Property("privateLinkServiceConnections"));
        var manual = Json.Objects(endpoint.Property("manualPrivateLinkServiceConnections"));
        var connections = new JsonElement[automatic.Length + manual.Length];
        automatic.CopyTo(connections, 0);
        manual.CopyTo(connections, automatic.Length);
        return connections;
    }
}

/// <summary>A private endpoint that connects to a resource, with the group ids its connection asks for.</summary>
/// <param name="Endpoint">The private endpoint.</param>
/// <param name="GroupIds">The connection's group ids.</param>
internal sealed record EndpointLink(ResourceSnapshot Endpoint, IReadOnlyList<string> GroupIds);
