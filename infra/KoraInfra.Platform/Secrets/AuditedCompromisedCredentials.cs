using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The release gates' source of pending compromised credentials where the stack keeps a deploy
/// audit log (staging and prod): a report in the stack file is cleared only by a rotation record of
/// that stack in the verified log that is strictly newer than the report ("substituicao
/// comprovada"); an emergency entry in the stack file is a request, not a proof. A stack without a
/// log (dev) keeps the stack files' own check.
/// </summary>
/// <param name="projectDirectory">The directory holding <c>Pulumi.yaml</c> and the stack files.</param>
/// <param name="clock">The clock the stack files' rotation windows are computed on (dev only).</param>
/// <param name="entries">The verified deploy audit log.</param>
public sealed class AuditedCompromisedCredentials(string projectDirectory, TimeProvider clock, IReadOnlyList<DeployAuditEntry> entries) : ICompromisedCredentialSource
{
    /// <inheritdoc />
    /// <exception cref="InvalidStackSettingsException">The stack file is invalid: nothing can be proven from it.</exception>
    public IReadOnlyList<PendingCompromisedCredential> Pending(string stack)
    {
        var settings = StackFiles.Validate(Path.Combine(projectDirectory, StackFiles.FileName(stack))).Require();
        return settings.Promotion is null
            ? CompromisedCredentialCheck.PendingFor(settings, clock)
            : RotationRecords.Pending(settings.Secrets.CompromisedCredentials, RotationRecords.Of(entries, stack));
    }
}
