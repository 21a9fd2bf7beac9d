using KoraInfra.Platform.Verification;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// Fault injection is approved only when every experiment staging can run has passed: for each,
/// the newest bound record of that experiment decides (as <see cref="VerifiedRecordCondition"/>
/// judges one kind), so a passing pod kill never stands in for a Redis partition that failed or
/// never ran. Each missing or failed experiment is named.
/// </summary>
public static class FaultInjectionCondition
{
    /// <summary>Judges the offered records against the experiments staging can run.</summary>
    public static GateCondition Evaluate(string id, string requirement, IReadOnlyList<string>? experiments, VerificationRecords offered, EvidenceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(binding);
        if (experiments is null || experiments.Count == 0)
        {
            return new GateCondition(id, requirement, false, "the fault-injection experiments staging can run were not decided (Pulumi.staging.yaml could not be read), so no record can approve fault injection");
        }

        var gaps = new List<string>();
        foreach (var experiment in experiments)
        {
            // A refused record cannot say which experiment it was; it is named under each one still missing.
            var ofExperiment = new VerificationRecords(
                offered.Where,
                offered.Records.Where(o => o.Record is null || (o.Record.Kind == VerificationKind.FaultInjection && o.Record.Experiment == experiment)).ToList());
            var judged = VerifiedRecordCondition.Evaluate(id, requirement, VerificationKind.FaultInjection, ofExperiment, binding);
            if (!judged.Met)
            {
                gaps.Add($"experiment '{experiment}': {judged.Missing}");
            }
        }

        return new GateCondition(id, requirement, gaps.Count == 0, gaps.Count == 0 ? null : string.Join(" | ", gaps));
    }
}
