namespace KoraInfra.Platform.Release.Gates;

/// <summary>One condition of a gate, judged.</summary>
/// <param name="Id">A stable id, e.g. <c>approval.qa</c>, that pipelines and tests refer to.</param>
/// <param name="Requirement">What the seed requires, in its words.</param>
/// <param name="Met">Whether the evidence satisfies it.</param>
/// <param name="Missing">When not met: the evidence that is missing or wrong.</param>
public sealed record GateCondition(string Id, string Requirement, bool Met, string? Missing)
{
    /// <summary>One line for a terminal.</summary>
    public override string ToString() => Met ? $"PASS  {Id}: {Requirement}" : $"FAIL  {Id}: {Requirement} -- missing: {Missing}";
}
