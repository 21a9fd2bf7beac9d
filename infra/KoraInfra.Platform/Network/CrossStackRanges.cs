using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Network;

/// <summary>
/// The environments' address plans never overlap: not their VNets (so they can be peered or
/// routed to one day without renumbering) and not their AKS ranges, so an address in a log or an
/// alert names one environment only.
/// </summary>
public static class CrossStackRanges
{
    /// <summary>Every overlap between the ranges of different stacks, reported on the later stack's key.</summary>
    public static IReadOnlyList<SettingsProblem> Check(IEnumerable<StackSettings> stacks)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        var problems = new List<SettingsProblem>();
        var seen = new List<StackSettings>();
        foreach (var stack in InPromotionOrder(stacks))
        {
            foreach (var range in stack.Network.Ranges)
            {
                foreach (var earlier in seen)
                {
                    if (earlier.Environment.StackName == stack.Environment.StackName)
                    {
                        continue;
                    }

                    foreach (var taken in earlier.Network.Ranges)
                    {
                        if (taken.Range.Overlaps(range.Range))
                        {
                            problems.Add(Overlap(range, earlier.Environment.StackName, taken));
                        }
                    }
                }
            }

            seen.Add(stack);
        }

        return problems;
    }

    // Stably by environment (dev, staging, prod). An insertion sort and loops in this class, not
    // OrderBy on the enum and LINQ over value tuples: that framework code is JIT-compiled at
    // start-up (ReadyToRun cannot precompile it), a measurable part of a validate.
    private static List<StackSettings> InPromotionOrder(IEnumerable<StackSettings> stacks)
    {
        var order = new List<StackSettings>(stacks);
        for (var i = 1; i < order.Count; i++)
        {
            var stack = order[i];
            var j = i - 1;
            while (j >= 0 && order[j].Environment.Name > stack.Environment.Name)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = stack;
        }

        return order;
    }

    /// <summary>Every overlap of one stack's ranges with the other stacks' ranges, reported on that stack's keys.</summary>
    public static IReadOnlyList<SettingsProblem> Check(StackSettings subject, IEnumerable<StackSettings> others)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(others);
        var all = others.Where(o => o.Environment.Name != subject.Environment.Name).ToList();
        return Check(all.Append(subject).ToList(), subject.Environment.StackName);
    }

    private static IReadOnlyList<SettingsProblem> Check(IReadOnlyList<StackSettings> stacks, string subject) =>
        (from stack in stacks
         where stack.Environment.StackName == subject
         from range in stack.Network.Ranges
         from other in stacks
         where other.Environment.StackName != subject
         from taken in other.Network.Ranges
         where taken.Range.Overlaps(range.Range)
         select Overlap(range, other.Environment.StackName, taken)).ToList();

    private static SettingsProblem Overlap(NetworkRangeSetting range, string other, NetworkRangeSetting taken) => new(
        range.Location,
        range.Key,
        $"'{range.Range}', which overlaps {other}'s {taken.Key} '{taken.Range}' ({taken.Location})",
        "a range disjoint from every range of the other stacks (docs/network.md lists the address plan)");
}
