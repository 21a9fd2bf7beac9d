namespace KoraInfra.Platform.Workloads;

/// <summary>Azure Cache for Redis tiers.</summary>
public enum RedisSkuName
{
    /// <summary>One node, no SLA: development only.</summary>
    Basic,

    /// <summary>Primary and replica with an SLA.</summary>
    Standard,

    /// <summary>Dedicated hardware, zones, persistence, private networking features.</summary>
    Premium,
}

/// <summary>Azure Cache for Redis families: <c>C</c> for Basic/Standard, <c>P</c> for Premium.</summary>
public enum RedisSkuFamily
{
    /// <summary>Basic and Standard.</summary>
    C,

    /// <summary>Premium.</summary>
    P,
}

/// <summary>An Azure Cache for Redis size.</summary>
/// <param name="Name">The tier.</param>
/// <param name="Family">The family matching the tier.</param>
/// <param name="Capacity">The size within the family (C0-C6, P1-P5).</param>
public sealed record RedisSku(RedisSkuName Name, RedisSkuFamily Family, int Capacity);
