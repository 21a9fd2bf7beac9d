using System.Text.Json.Nodes;

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
    public static IEnumerable<(ResourceSnapshot Endpoint, IReadOnlyList<string> GroupIds)> EndpointsFor(StackSnapshot stack, string targetName)
    {
        foreach (var endpoint in stack.OfType(TypeTokens.PrivateEndpoint))
        {
            foreach (var connection in Connections(endpoint))
            {
                var name = Json.Text(connection["name"]);
                var target = LastSegment(Json.Text(connection["privateLinkServiceId"]));
                if (string.Equals(name, targetName, StringComparison.OrdinalIgnoreCase) || string.Equals(target, targetName, StringComparison.OrdinalIgnoreCase))
                {
                    var groups = (connection["groupIds"] as JsonArray ?? []).Select(Json.Text).OfType<string>().ToList();
                    yield return (endpoint, groups);
                }
            }
        }
    }

    /// <summary>The private DNS zones the zone groups of an endpoint name.</summary>
    public static IReadOnlyList<string> ZonesOf(StackSnapshot stack, ResourceSnapshot endpoint)
    {
        var endpointName = endpoint.Text("privateEndpointName") ?? endpoint.Name;
        return stack.OfType(TypeTokens.PrivateDnsZoneGroup)
            .Where(g => string.Equals(g.Text("privateEndpointName"), endpointName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(g => g.Property("privateDnsZoneConfigs") as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(c => new[] { LastSegment(Json.Text(c["privateDnsZoneId"])), Json.Text(c["name"])?.Replace('-', '.') })
            .OfType<string>()
            .ToList();
    }

    private static IEnumerable<JsonObject> Connections(ResourceSnapshot endpoint) =>
        (endpoint.Property("privateLinkServiceConnections") as JsonArray ?? [])
            .Concat(endpoint.Property("manualPrivateLinkServiceConnections") as JsonArray ?? [])
            .OfType<JsonObject>();
}
