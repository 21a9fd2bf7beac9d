using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Workloads;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class N8nCredentialVersionsTests
{
    private static string At(StackSettings settings, DateTimeOffset now) =>
        N8nCredentialVersions.For(SecretsPlan.For(settings, new FakeTimeProvider(now)), settings);

    [Fact]
    public void The_annotation_changes_with_every_rotation_n8n_must_restart_for_and_only_then()
    {
        var settings = With("prod", emergencies: [], reports: []);
        var now = Utc(2026, 11, 21, 12);
        var window = RotationWindow.Containing(now, 60);

        Assert.Equal(At(settings, now), At(settings, now.AddHours(6)));
        Assert.NotEqual(At(settings, now), At(settings, window.End));
        foreach (var secret in new[] { SecretCatalogue.PostgresN8nPassword, SecretCatalogue.RedisAccessKey, SecretCatalogue.N8nEncryptionKey })
        {
            var emergency = With("prod", emergencies: [new EmergencyRotation(secret, now.AddMinutes(-5))], reports: []);
            Assert.NotEqual(At(settings, now), At(emergency, now));
        }

        var unrelated = With("prod", emergencies: [new EmergencyRotation(SecretCatalogue.PostgresAppPassword, now.AddMinutes(-5))], reports: []);
        Assert.Equal(At(settings, now), At(unrelated, now));
    }

    [Fact]
    public void The_annotation_names_versions_and_slots_only()
    {
        var value = At(Committed("prod"), Utc(2026, 11, 21, 12));

        Assert.Matches(@"^postgres-n8n-password=window=p60-\d{8};slot=n8n_[ab] redis-access-key=window=p90-\d{8};key=(primary|secondary) n8n-encryption-key=unrotated$", value);
    }
}
