namespace KoraInfra.Cli.Output.Reports;

/// <summary><c>kora gate check --json</c>: the gate's verdict and every condition.</summary>
/// <param name="Gate">The gate judged (deploy-staging, promote-rc, deploy-prod).</param>
/// <param name="Passed">Whether every condition is met (exit code 0).</param>
/// <param name="Conditions">Each condition in the release plan's order (empty when the audit log failed).</param>
/// <param name="Failures">The ids of the conditions not met.</param>
/// <param name="AuditLogProblems">Why the deploy audit log failed verification; when not empty no condition was judged.</param>
internal sealed record GateCheckReport(
    string Gate,
    bool Passed,
    IReadOnlyList<GateConditionReport> Conditions,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> AuditLogProblems);

/// <summary>One condition of a gate.</summary>
/// <param name="Id">The stable id, e.g. <c>approval.qa</c>.</param>
/// <param name="Requirement">What the release plan requires.</param>
/// <param name="Met">Whether the evidence satisfies it.</param>
/// <param name="Missing">When not met: what is missing or wrong; null when met.</param>
internal sealed record GateConditionReport(string Id, string Requirement, bool Met, string? Missing);
