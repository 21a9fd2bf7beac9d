using System.Runtime.CompilerServices;

namespace KoraInfra.Platform.Policy;

/// <summary>
/// A stack's resources grouped by type token, built once per snapshot. Most rules look at a few
/// types: without it, each rule hashed or compared the type of every resource, some thirty
/// times over a stack of thousands of resources.
/// </summary>
internal sealed class ResourceTypes
{
    // Weak keys: the index lives as long as its snapshot, and a snapshot stays a plain record
    // (a cached field would take part in its equality). Lazy: rules running side by side ask at
    // the same moment, and one of them builds it while the others wait.
    private static readonly ConditionalWeakTable<StackSnapshot, Lazy<ResourceTypes>> Built = [];

    private readonly IReadOnlyList<ResourceSnapshot> _resources;
    private readonly Dictionary<string, int> _idOf = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private readonly List<List<ResourceSnapshot>> _ofType = [];
    private readonly int[] _typeIdOf;

    private ResourceTypes(IReadOnlyList<ResourceSnapshot> resources)
    {
        _resources = resources;
        _typeIdOf = new int[resources.Count];
        for (var i = 0; i < resources.Count; i++)
        {
            var type = resources[i].Type;
            if (!_idOf.TryGetValue(type, out var id))
            {
                id = _types.Count;
                _idOf[type] = id;
                _types.Add(type);
                _ofType.Add([]);
            }

            _typeIdOf[i] = id;
            _ofType[id].Add(resources[i]);
        }
    }

    /// <summary>The index of a snapshot (built on first use; safe to ask from rules running side by side).</summary>
    public static ResourceTypes Of(StackSnapshot stack) => Built.GetValue(stack, s => new(() => new ResourceTypes(s.Resources))).Value;

    /// <summary>The resources of one type, in registration order.</summary>
    public IReadOnlyList<ResourceSnapshot> OfType(string type) => _idOf.TryGetValue(type, out var id) ? _ofType[id] : [];

    /// <summary>
    /// The resources whose type <paramref name="accepts"/> takes, in registration order: the
    /// filter is asked once per distinct type, not once per resource.
    /// </summary>
    public IReadOnlyList<ResourceSnapshot> OfTypes(Func<string, bool> accepts)
    {
        var accepted = new bool[_types.Count];
        var lastAccepted = -1;
        var acceptedCount = 0;
        for (var id = 0; id < _types.Count; id++)
        {
            if (accepts(_types[id]))
            {
                accepted[id] = true;
                lastAccepted = id;
                acceptedCount++;
            }
        }

        if (acceptedCount <= 1)
        {
            return acceptedCount == 0 ? [] : _ofType[lastAccepted];
        }

        // Several types: one pass in registration order, as a filter over every resource would give.
        var resources = new List<ResourceSnapshot>();
        for (var i = 0; i < _typeIdOf.Length; i++)
        {
            if (accepted[_typeIdOf[i]])
            {
                resources.Add(_resources[i]);
            }
        }

        return resources;
    }
}
