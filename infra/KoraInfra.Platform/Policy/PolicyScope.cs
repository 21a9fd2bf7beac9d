namespace KoraInfra.Platform.Policy;

/// <summary>What a rule needs to see to judge: one resource alone, or the whole stack.</summary>
public enum PolicyScope
{
    /// <summary>
    /// The rule judges each resource by itself: the engine can ask as each resource is registered
    /// (CrossGuard <c>validateResource</c>), before it is created, and attribute the violation to it.
    /// </summary>
    Resource,

    /// <summary>
    /// The rule needs other resources (a manifest that must exist, ranges that must not overlap, an
    /// endpoint for a server): only the whole stack can answer (CrossGuard <c>validateStack</c>).
    /// </summary>
    Stack,
}
