namespace KoraInfra.Platform.Policy.Reports;

/// <summary>
/// The order every report lists violations in: most blocking first (level, then severity, both
/// descending), then by rule id and resource URN (ordinal; the stack itself, with no URN, first).
/// Violations equal in all four keep the order the rules found them in.
/// </summary>
public static class ViolationOrder
{
    /// <summary><paramref name="violations"/> in report order.</summary>
    public static IReadOnlyList<PolicyViolation> MostBlockingFirst(IEnumerable<PolicyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);

        // A list sort with the position found as the last key (so it is stable), not LINQ's
        // OrderByDescending(v => v.Level).ThenBy...: its sorters over the enum keys, and the
        // index fill of any OrderBy, are framework generic code that ReadyToRun cannot
        // precompile, JIT-compiled in every report.
        var ranked = new List<Ranked>();
        foreach (var violation in violations)
        {
            ranked.Add(new Ranked(violation, ranked.Count));
        }

        ranked.Sort(Compare);
        var ordered = new PolicyViolation[ranked.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = ranked[i].Violation;
        }

        return ordered;
    }

    private static int Compare(Ranked a, Ranked b)
    {
        var (x, y) = (a.Violation, b.Violation);
        var order = ((int)y.Level).CompareTo((int)x.Level);
        if (order == 0)
        {
            order = ((int)y.Severity).CompareTo((int)x.Severity);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.ResourceUrn, y.ResourceUrn);
        }

        return order != 0 ? order : a.Position.CompareTo(b.Position);
    }

    private sealed record Ranked(PolicyViolation Violation, int Position);
}
