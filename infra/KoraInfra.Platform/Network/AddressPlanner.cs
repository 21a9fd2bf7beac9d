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
        var order = InAllocationOrder(requests);
        var prefixes = Carve(space, order);
        if (prefixes is null)
        {
            return null;
        }

        var allocated = new Dictionary<SubnetRole, Ipv4Cidr>();
        for (var i = 0; i < order.Length; i++)
        {
            allocated[order[i].Key] = prefixes[i];
        }

        return allocated;
    }

    /// <summary>Whether the space holds every request (what <see cref="Allocate"/> would allocate, without the map).</summary>
    public static bool Fits(Ipv4Cidr space, IEnumerable<SubnetRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Carve(space, InAllocationOrder(requests)) is not null;
    }

    /// <summary>The addresses the requests need, at their sizes.</summary>
    public static long Needed(IEnumerable<SubnetRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var needed = 0L;
        foreach (var request in requests)
        {
            needed += 1L << (32 - request.PrefixLength);
        }

        return needed;
    }

    // Largest first, then by role. A stable insertion sort and arrays here, not OrderBy/ThenBy and
    // a Dictionary<SubnetRole, Ipv4Cidr>: LINQ's sorter and collections over this project's enum
    // and struct are JIT-compiled at start-up (ReadyToRun cannot precompile them), and every
    // validate sizes each stack's subnets.
    private static SubnetRequest[] InAllocationOrder(IEnumerable<SubnetRequest> requests)
    {
        var order = requests.ToArray();
        for (var i = 1; i < order.Length; i++)
        {
            var request = order[i];
            var j = i - 1;
            while (j >= 0 && (order[j].PrefixLength > request.PrefixLength || (order[j].PrefixLength == request.PrefixLength && order[j].Key > request.Key)))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = request;
        }

        return order;
    }

    // Each request at the lowest free boundary of its size, in the given order; null when one does not fit.
    private static Ipv4Cidr[]? Carve(Ipv4Cidr space, SubnetRequest[] order)
    {
        var prefixes = new Ipv4Cidr[order.Length];
        long next = space.First;
        for (var i = 0; i < order.Length; i++)
        {
            var request = order[i];
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

            prefixes[i] = new Ipv4Cidr((uint)start, request.PrefixLength);
            next = start + size;
        }

        return prefixes;
    }

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
