using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Settings;
using Pulumi;

namespace KoraInfra;

/// <summary>
/// Runs Platform's release admission before any resource is declared: staging and prod stop
/// here, with one clear message, unless a signed manifest for the stack verifies. The manifest
/// path in the settings is relative to the project's root directory (where Pulumi.yaml is).
/// </summary>
internal static class ReleaseGuard
{
    public static AdmittedRelease? Admit(StackSettings settings)
    {
        try
        {
            return ReleaseAdmission.Admit(settings, ReadProjectFile, Environment.GetEnvironmentVariable);
        }
        catch (ReleaseRefusedException ex)
        {
            throw new RunException(ex.Message);
        }
        catch (InputRefusedException ex)
        {
            throw new RunException(ex.Message);
        }
    }

    private static string? ReadProjectFile(string relativePath)
    {
        var path = Path.Combine(Pulumi.Deployment.Instance.RootDirectory, relativePath);
        return File.Exists(path) ? BoundedInput.ReadFile(path, InputLimits.ReleaseDocument) : null;
    }
}
