namespace KoraInfra.Platform.Policy.Reports;

/// <summary>
/// The order every report lists violations in: most blocking first (level, then severity, both
/// descending), then by rule id and resource URN (ordinal; the stack itself, with no URN, first).
/// Violations equal in all four keep the order the rules found them in.
/// </summary>
public static class ViolationOrder
{
    /// <summary><paramref name="violations"/> in report order.</summary>
    public static IEnumerable<PolicyViolation> MostBlockingFirst(IEnumerable<PolicyViolation> violations) =>
        // One comparer over the whole violation, not OrderByDescending(v => v.Level).ThenBy...:
        // LINQ's sorter over an enum key is framework generic code over a project value type,
        // which ReadyToRun cannot precompile (JIT-compiled in every report); over the violation
        // itself, a class, it is shared, precompiled code. OrderBy is a stable sort.
        violations.OrderBy(v => v, Comparer.Instance);

    private sealed class Comparer : IComparer<PolicyViolation>
    {
        public static readonly Comparer Instance = new();

        public int Compare(PolicyViolation? x, PolicyViolation? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var order = ((int)y.Level).CompareTo((int)x.Level);
            if (order == 0)
            {
                order = ((int)y.Severity).CompareTo((int)x.Severity);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(x.RuleId, y.RuleId);
            }

            return order != 0 ? order : string.CompareOrdinal(x.ResourceUrn, y.ResourceUrn);
        }
    }
}
