using KoraInfra.Platform.Verification.Load;
using KoraInfra.Platform.Verification.Restore;

namespace KoraInfra.Platform.Settings;

/// <summary>
/// How the staging checks are judged (<c>kora-infra:verification</c>): the restore drill's RPO/RTO
/// targets, and the load and soak profiles the k6 runs must hold. Only in the stack that runs the
/// checks (staging); read from the stack file so no command-line flag can loosen them.
/// </summary>
/// <param name="TargetUrl">The staging runtime the k6 load, soak and smoke runs exercise (https).</param>
/// <param name="Restore">The restore drill's targets (RTO at most the P0 recovery SLA).</param>
/// <param name="Load">The load profile.</param>
/// <param name="Soak">The soak profile: a longer duration than the load's.</param>
public sealed record VerificationSettings(Uri TargetUrl, RestoreTargets Restore, LoadProfile Load, LoadProfile Soak);
