using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>What a restore drill runs against and is judged by.</summary>
/// <param name="SourceConnection">The environment's database, with a login that sees every tenant's rows.</param>
/// <param name="Stack">The stack (staging).</param>
/// <param name="Commit">The commit of the artifact running.</param>
/// <param name="ReleaseCandidate">The RC running.</param>
/// <param name="Images">The images running, by digest.</param>
/// <param name="Targets">The RPO/RTO targets from the settings.</param>
public sealed record RestoreDrillRequest(string SourceConnection, string Stack, string Commit, ReleaseVersion ReleaseCandidate, IReadOnlyList<ImageReference> Images, RestoreTargets Targets);
