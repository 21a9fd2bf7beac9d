namespace KoraInfra.Platform.Release.Manifest;

/// <summary>One sign-off: which role, who gave it, when.</summary>
/// <param name="Role">The role signing off.</param>
/// <param name="Who">The person (their identity in the source control system).</param>
/// <param name="At">When they approved.</param>
public sealed record Approval(ApprovalRole Role, string Who, DateTimeOffset At);
