namespace KoraInfra.Platform.Network;

/// <summary>One subnet to carve: what it is and how large it must be.</summary>
/// <param name="Key">Which subnet.</param>
/// <param name="PrefixLength">Its size as a prefix length.</param>
public sealed record SubnetRequest(SubnetRole Key, int PrefixLength);

/// <summary>
/// Carves subnets out of an address space: largest first, each at the lowest free boundary of
/// its size, so the plan is deterministic and the free space stays in one block at the end.
/// </summary>
public static class AddressPlanner
{
    /// <summary>Allocates every request, or returns null when the space is too small.</summary>
    public static IReadOnlyDictionary<SubnetRole, Ipv4Cidr>? Allocate(Ipv4Cidr space, IEnumerable<SubnetRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var allocated = new Dictionary<SubnetRole, Ipv4Cidr>();
        long next = space.First;
        foreach (var request in requests.OrderBy(r => r.PrefixLength).ThenBy(r => r.Key))
        {
            if (request.PrefixLength < space.PrefixLength)
            {
                return null;
            }

            var size = 1L << (32 - request.PrefixLength);
            var start = (next + size - 1) / size * size;
            if (start + size - 1 > space.Last)
            {
                return null;
            }

            allocated[request.Key] = new Ipv4Cidr((uint)start, request.PrefixLength);
            next = start + size;
        }

        return allocated;
    }

    /// <summary>The addresses the requests need, at their sizes.</summary>
    public static long Needed(IEnumerable<SubnetRequest> requests) => requests.Sum(r => 1L << (32 - r.PrefixLength));

    /// <summary>The parts of the space no subnet uses, as the largest aligned ranges.</summary>
    public static IReadOnlyList<Ipv4Cidr> Free(Ipv4Cidr space, IEnumerable<Ipv4Cidr> used)
    {
        var taken = used.OrderBy(r => r.First).ToList();
        var free = new List<Ipv4Cidr>();
        long cursor = space.First;
        foreach (var range in taken)
        {
            Fill(free, cursor, (long)range.First - 1);
            cursor = (long)range.Last + 1;
        }

        Fill(free, cursor, space.Last);
        return free;
    }

    private static void Fill(List<Ipv4Cidr> free, long from, long to)
    {
        while (from <= to)
        {
            var prefix = 32;
            while (prefix > 0 && from % (1L << (33 - prefix)) == 0 && from + (1L << (33 - prefix)) - 1 <= to)
            {
                prefix--;
            }

            free.Add(new Ipv4Cidr((uint)from, prefix));
            from += 1L << (32 - prefix);
        }
    }
}
