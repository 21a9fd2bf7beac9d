namespace KoraInfra.Platform.Monitoring;

/// <summary>Which side of a threshold is bad, spelled as the seed does ("&gt; 30", "&lt; 99.5%", "&gt;=2", "aos 15 min").</summary>
public enum Comparison
{
    /// <summary>Strictly above: the seed's "&gt;".</summary>
    Above,

    /// <summary>At or above: the seed's "&gt;=", and "at N minutes" for an age.</summary>
    AtLeast,

    /// <summary>Strictly below: the seed's "&lt;".</summary>
    Below,
}

/// <summary>PromQL for <see cref="Comparison"/>.</summary>
public static class Comparisons
{
    /// <summary>The PromQL comparison operator.</summary>
    public static string Operator(this Comparison comparison) => comparison switch
    {
        Comparison.Above => ">",
        Comparison.AtLeast => ">=",
        Comparison.Below => "<",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>Whether a value breaches a threshold.</summary>
    public static bool Breaches(this Comparison comparison, double value, double threshold) => comparison switch
    {
        Comparison.Above => value > threshold,
        Comparison.AtLeast => value >= threshold,
        Comparison.Below => value < threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
