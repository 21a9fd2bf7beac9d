using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Network;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// Reads <c>kora-infra:network</c>: the address space, the AKS pod and service ranges (private,
/// large enough for what they hold, disjoint from each other and from Azure's reserved ranges),
/// the API server's authorized ranges and dev's public allowlist.
/// </summary>
internal static class NetworkSettingsReader
{
    public const string Key = "network";

    private const string CidrExpected = "an IPv4 range in CIDR notation such as '10.20.0.0/16'";

    // AKS and Azure use these themselves; a cluster range that overlaps them breaks routing.
    // Records and loops in this reader, not value tuples, List<Ipv4Cidr> and LINQ: framework
    // generic code over this project's structs is JIT-compiled at start-up (ReadyToRun cannot
    // precompile it), a measurable part of a validate.
    private static readonly ReservedRange[] Reserved =
    [
        new(Ipv4Cidr.Parse("169.254.0.0/16"), "link-local (Azure's metadata and DNS)"),
        new(Ipv4Cidr.Parse("172.30.0.0/16"), "reserved by AKS"),
        new(Ipv4Cidr.Parse("172.31.0.0/16"), "reserved by AKS"),
        new(Ipv4Cidr.Parse("192.0.2.0/24"), "reserved by AKS"),
    ];

    public static NetworkSettings? Read(SettingsReader reader, EnvironmentProfile profile, ClusterSettings? cluster)
    {
        var network = reader.Mapping(Key, required: true);
        if (network is null)
        {
            return null;
        }

        var maxNodes = cluster?.MaxNodeCount;
        var space = PrivateRange(network, "addressSpace", 16, 24, "the virtual network's range");
        var pods = PrivateRange(network, "podCidr", 12, 22, "the pods' overlay range");
        var services = PrivateRange(network, "serviceCidr", 16, 24, "the Kubernetes service range");
        var authorized = PublicRanges(network, "apiServerAuthorizedRanges", required: false, "public IPv4 ranges (operators, break-glass) allowed to reach the AKS API server besides the environment's NAT egress, such as ['203.0.113.0/28']");
        var allowlist = ReadAllowlist(network, profile);
        network.RejectUnread(["addressSpace", "podCidr", "serviceCidr", "apiServerAuthorizedRanges", "publicAllowlist"]);

        var valid = space is not null && pods is not null && services is not null && authorized is not null && allowlist is not null;
        var ranges = new List<NetworkRangeSetting>();
        AddRange(ranges, network, "addressSpace", space);
        AddRange(ranges, network, "podCidr", pods);
        AddRange(ranges, network, "serviceCidr", services);
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ranges[i].Range.Overlaps(ranges[j].Range))
                {
                    network.ProblemAt(ranges[i].Location, ranges[i].Key, $"'{ranges[i].Range}', which overlaps {ranges[j].Key} '{ranges[j].Range}'", "a range disjoint from the stack's other network ranges (the VNet, the pod overlay and the services must not share an address)");
                    valid = false;
                }
            }
        }

        if (space is { } vnet && maxNodes is { } ceiling && !FitsSubnets(vnet, ceiling, profile, out var needed))
        {
            network.Problem("addressSpace", $"'{vnet}' ({vnet.Size} addresses), too small for its subnets ({needed} addresses for {ceiling} nodes at most and the private endpoints)", $"a prefix of /{Ipv4Cidr.PrefixFor(needed)} or larger");
            valid = false;
        }

        if (pods is { } overlay && maxNodes is { } max && overlay.Size / 256 < SubnetSizing.PodBlocks(max))
        {
            network.Problem("podCidr", $"'{overlay}', room for {overlay.Size / 256} node blocks of /24", $"room for {SubnetSizing.PodBlocks(max)} (AKS gives every node a /24; twice maxNodeCount {max} plus upgrade surge): a prefix of /{Ipv4Cidr.PrefixFor(SubnetSizing.PodBlocks(max) * 256)} or larger");
            valid = false;
        }

        return valid && space is { } addressSpace && pods is { } podCidr && services is { } serviceCidr
            ? new NetworkSettings(addressSpace, podCidr, serviceCidr, authorized!, allowlist!, ranges)
            : null;
    }

    private static void AddRange(List<NetworkRangeSetting> ranges, SettingsReader network, string name, Ipv4Cidr? range)
    {
        if (range is { } value)
        {
            ranges.Add(new NetworkRangeSetting(network.KeyOf(name), value, network.LocationOf(name)));
        }
    }

    private static bool FitsSubnets(Ipv4Cidr space, int maxNodes, EnvironmentProfile profile, out long needed)
    {
        var requests = NetworkPlan.SubnetRequests(maxNodes, profile.AllowsPublicNetworkAccess ? 0 : SubnetSizing.MinimumPrivateEndpoints / 2);
        needed = AddressPlanner.Needed(requests);
        return AddressPlanner.Fits(space, requests);
    }

    private static Ipv4Cidr? PrivateRange(SettingsReader network, string name, int widest, int narrowest, string what)
    {
        var expected = $"{what}: a private (RFC 1918) IPv4 range from /{widest} to /{narrowest}, such as '10.20.0.0/{Math.Max(widest, Math.Min(narrowest, 20))}'";
        var text = network.String(name, required: true, _ => true, expected);
        if (text is null)
        {
            return null;
        }

        if (!Ipv4Cidr.TryParse(text, out var range, out var why))
        {
            network.Problem(name, $"'{text}', {why}", expected);
            return null;
        }

        if (!range.IsPrivate)
        {
            network.Problem(name, $"'{range}', which is not an RFC 1918 private range", expected + " inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
            return null;
        }

        if (range.PrefixLength < widest || range.PrefixLength > narrowest)
        {
            network.Problem(name, $"'{range}', a /{range.PrefixLength}", expected);
            return null;
        }

        foreach (var reserved in Reserved)
        {
            if (reserved.Range.Overlaps(range))
            {
                network.Problem(name, $"'{range}', which overlaps {reserved.Range} ({reserved.Owner})", "a range outside " + string.Join(", ", Reserved.Select(r => r.Range.ToString())));
                return null;
            }
        }

        return range;
    }

    private static Ipv4Cidr[]? PublicRanges(SettingsReader network, string name, bool required, string expected)
    {
        var items = network.StringList(name, required, expected);
        if (items is null)
        {
            return network.Has(name) ? null : [];
        }

        // Filled in place: when any item is refused the array is not returned.
        var ranges = new Ipv4Cidr[items.Count];
        var valid = true;
        var i = 0;
        foreach (var (key, text, location) in items)
        {
            if (!Ipv4Cidr.TryParse(text, out var range, out var why))
            {
                network.ProblemAt(location, key, $"'{text}', {why}", expected);
                valid = false;
            }
            else if (range.IsPrivate || range.PrefixLength < 16)
            {
                network.ProblemAt(location, key, range.IsPrivate ? $"'{range}', a private range" : $"'{range}', a /{range.PrefixLength} (a large part of the internet)", expected + ": public ranges of /16 or narrower");
                valid = false;
            }
            else
            {
                ranges[i] = range;
            }

            i++;
        }

        return valid ? ranges : null;
    }

    private static Ipv4Cidr[]? ReadAllowlist(SettingsReader network, EnvironmentProfile profile)
    {
        if (!profile.AllowsPublicNetworkAccess)
        {
            // Staging and prod reach their data services only through private endpoints: no
            // list here may open them, not even an empty one that someone later fills in.
            if (network.Has("publicAllowlist"))
            {
                network.Problem("publicAllowlist", $"a public allowlist in {profile.StackName}", $"no '{network.KeyOf("publicAllowlist")}': {profile.StackName}'s data services accept no public traffic, only their private endpoints");
            }

            network.Accept("publicAllowlist");
            return network.Has("publicAllowlist") ? null : [];
        }

        return PublicRanges(network, "publicAllowlist", required: true, $"the public IPv4 ranges {profile.StackName}'s data services and API server accept (the developers' egress), such as ['203.0.113.0/24']");
    }

    private sealed record ReservedRange(Ipv4Cidr Range, string Owner);
}
