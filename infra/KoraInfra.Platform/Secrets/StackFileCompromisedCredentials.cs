using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Secrets;

/// <summary>
/// The release gates' source of pending compromised credentials, read from the committed stack
/// files (<c>kora-infra:compromisedCredentials</c> and <c>kora-infra:emergencyRotations</c>) at the
/// clock's time.
/// </summary>
/// <param name="projectDirectory">The directory holding <c>Pulumi.yaml</c> and the stack files.</param>
/// <param name="clock">The clock the rotation windows are computed on.</param>
public sealed class StackFileCompromisedCredentials(string projectDirectory, TimeProvider clock) : ICompromisedCredentialSource
{
    /// <inheritdoc />
    /// <exception cref="InvalidStackSettingsException">The stack file is invalid: nothing can be proven from it.</exception>
    public IReadOnlyList<PendingCompromisedCredential> Pending(string stack)
    {
        var settings = StackFiles.Validate(Path.Combine(projectDirectory, StackFiles.FileName(stack))).Require();
        return CompromisedCredentialCheck.PendingFor(settings, clock);
    }
}
