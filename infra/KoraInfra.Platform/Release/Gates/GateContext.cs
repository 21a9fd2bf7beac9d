using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Verification;

namespace KoraInfra.Platform.Release.Gates;

/// <summary>
/// What a gate knows besides the evidence: the verified history, who is promoting, the time, the
/// stack's approval window, and the secrets capability's own record of compromised credentials.
/// None of it comes from the evidence file, so the evidence cannot talk a gate out of it.
/// </summary>
/// <param name="History">The release history replayed from the verified deploy audit log.</param>
/// <param name="Promoter">Who runs the promotion (the pipeline actor); never counted as an approver.</param>
/// <param name="Now">The time of judgement, from the clock.</param>
/// <param name="ApprovalWindow">The oldest an approval may be (the target stack's <c>kora-infra:promotion.approvalWindowHours</c>).</param>
/// <param name="Credentials">The secrets capability's record of pending compromised credentials.</param>
public sealed record GateContext(
    ReleaseLedger History,
    string Promoter,
    DateTimeOffset Now,
    TimeSpan ApprovalWindow,
    ICompromisedCredentialSource Credentials)
{
    /// <summary>
    /// The signed evidence records offered for the verification conditions (restore drill, load,
    /// soak, fault injection), each already verified against the release key.
    /// </summary>
    public VerificationRecords Records { get; init; } = VerificationRecords.None;

    /// <summary>
    /// The fault-injection experiments staging's plans allow (<c>FaultExperiments.RunnableIn</c> on
    /// staging's settings), each of which the RC gate wants a passing record of; null when they
    /// could not be decided, which fails that condition rather than requiring nothing.
    /// </summary>
    public IReadOnlyList<string>? FaultExperiments { get; init; }

    /// <summary>
    /// Reads a file of the release store by its path relative to the project directory (the
    /// bound SBOMs); null when it is not there. Without a store, nothing is there.
    /// </summary>
    public Func<string, byte[]?> ReadReleaseStore { get; init; } = _ => null;
}
