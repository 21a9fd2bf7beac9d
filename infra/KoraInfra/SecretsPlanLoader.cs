using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Pulumi;

namespace KoraInfra;

/// <summary>
/// Plans the stack's secrets on the real clock and refuses, before any resource is declared, a
/// deployment Platform forbids: prod while a compromised credential is pending, or an emergency
/// rotation dated in the future. Both are stack-file mistakes, reported without a stack trace.
/// </summary>
internal static class SecretsPlanLoader
{
    public static SecretsPlan Load(StackSettings settings, TimeProvider clock)
    {
        try
        {
            var plan = SecretsPlan.For(settings, clock);
            plan.EnsureDeployable(settings);
            return plan;
        }
        catch (CompromisedCredentialException ex)
        {
            throw new RunException($"{settings.Environment.StackName} will not be deployed: {ex.Message}");
        }
        catch (InvalidEmergencyRotationException ex)
        {
            throw new RunException(ex.Message);
        }
    }
}
