using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// What the plan says of each secret: who writes its value, when it expires, which keepers make
/// it, and which moment counts as its last proven rotation (a new window only for a value the
/// program generates; otherwise only an emergency entry).
/// </summary>
public sealed class PlannedSecretTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 11, 20, 14, 30);

    private static PlannedSecret Planned(string name, params EmergencyRotation[] emergencies)
    {
        var settings = With("prod", emergencies: emergencies, reports: []);
        return SecretsPlan.For(settings, new FakeTimeProvider(Now)).Secret(name);
    }

    [Fact]
    public void Only_an_operator_provided_value_is_not_written_by_the_program()
    {
        Assert.False(Planned("alert-superadmin-webhook-url").WrittenByProgram);
        Assert.True(Planned(SecretCatalogue.RedisAccessKey).WrittenByProgram);
        Assert.True(Planned(SecretCatalogue.PostgresAppPassword).WrittenByProgram);
    }

    [Fact]
    public void A_scheduled_secret_expires_at_the_end_of_its_window_and_is_kept_by_the_window_id()
    {
        var app = Planned(SecretCatalogue.PostgresAppPassword);

        Assert.Equal(Utc(2026, 11, 3), app.Window!.Start);
        Assert.Equal(Utc(2027, 1, 2), app.ExpiresAt);
        Assert.Equal(Utc(2027, 1, 2).ToUnixTimeSeconds(), app.ExpiresUnixSeconds);
        Assert.Equal(new Dictionary<string, string> { ["window"] = "p60-20261103" }, app.Keepers);
        Assert.Equal(Utc(2026, 11, 3), app.LastRotation);
    }

    [Fact]
    public void A_secret_never_rotated_expires_with_the_longest_window_and_has_no_keeper_or_rotation()
    {
        var key = Planned(SecretCatalogue.N8nEncryptionKey);

        Assert.Null(key.Window);
        Assert.Equal(RotationWindow.Containing(Now, 90), key.ExpiryWindow);
        Assert.Empty(key.Keepers);
        Assert.Null(key.LastRotation);
    }

    [Fact]
    public void An_issued_value_is_proven_rotated_only_by_its_emergency_entry()
    {
        Assert.Null(Planned(SecretCatalogue.RedisAccessKey).LastRotation);

        var requested = Now.AddHours(-2);
        Assert.Equal(requested, Planned(SecretCatalogue.RedisAccessKey, new EmergencyRotation(SecretCatalogue.RedisAccessKey, requested)).LastRotation);
    }

    [Fact]
    public void The_latest_emergency_entry_of_a_secret_is_its_keeper_and_its_last_rotation()
    {
        var first = Now.AddDays(-3);
        var latest = Now.AddHours(-1);

        var app = Planned(
            SecretCatalogue.PostgresAppPassword,
            new EmergencyRotation(SecretCatalogue.PostgresAppPassword, latest),
            new EmergencyRotation(SecretCatalogue.PostgresAppPassword, first),
            new EmergencyRotation(SecretCatalogue.PostgresN8nPassword, Now));

        Assert.Equal("2026-11-20T13:30:00Z", app.Keepers["emergency"]);
        Assert.Equal(latest, app.LastRotation);
    }

    [Fact]
    public void An_emergency_before_the_window_is_dropped_from_the_keepers_and_the_window_start_is_the_last_rotation()
    {
        var app = Planned(SecretCatalogue.PostgresAppPassword, new EmergencyRotation(SecretCatalogue.PostgresAppPassword, Utc(2026, 11, 2, 23, 59)));

        Assert.False(app.Keepers.ContainsKey("emergency"));
        Assert.Equal(Utc(2026, 11, 3), app.LastRotation);

        var atStart = Planned(SecretCatalogue.PostgresAppPassword, new EmergencyRotation(SecretCatalogue.PostgresAppPassword, Utc(2026, 11, 3)));
        Assert.Equal("2026-11-03T00:00:00Z", atStart.Keepers["emergency"]);
        Assert.Equal(Utc(2026, 11, 3), atStart.LastRotation);
    }

    [Fact]
    public void Each_workload_identity_is_named_for_the_stack()
    {
        var plan = SecretsPlan.For(Committed("prod"), new FakeTimeProvider(Now));

        Assert.Equal(WorkloadNames.All, plan.Identities.Select(i => i.Workload));
        Assert.All(plan.Identities, i => Assert.Contains(WorkloadNames.Segment(i.Workload), i.ResourceName, StringComparison.Ordinal));
        Assert.Equal(Now, plan.PlannedAt);
    }
}
