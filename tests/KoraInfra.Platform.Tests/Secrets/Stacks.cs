using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>The committed stacks' settings, with the secrets settings replaced where a test needs it.</summary>
internal static class Stacks
{
    public static StackSettings Committed(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();

    public static StackSettings With(
        string stack,
        IReadOnlyList<EmergencyRotation>? emergencies = null,
        IReadOnlyList<CompromisedCredentialReport>? reports = null)
    {
        var settings = Committed(stack);
        return settings with
        {
            Secrets = settings.Secrets with
            {
                EmergencyRotations = emergencies ?? settings.Secrets.EmergencyRotations,
                CompromisedCredentials = reports ?? settings.Secrets.CompromisedCredentials,
            },
        };
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
