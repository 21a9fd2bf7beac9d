using KoraInfra.Platform.Settings;
using Pulumi;

namespace KoraInfra;

/// <summary>
/// Reads the stack's configuration through Platform. Every problem is reported at once, before
/// any resource is declared, without a stack trace: a settings mistake is not a program defect.
/// </summary>
internal static class StackSettingsLoader
{
    public static StackSettings Load()
    {
        var stackName = Pulumi.Deployment.Instance.StackName;
        var result = StackSettingsBinder.Bind(PulumiConfigReader.FromEnvironment(stackName));
        return result.Settings ?? throw new RunException(new InvalidStackSettingsException(result.Problems).Message);
    }
}
