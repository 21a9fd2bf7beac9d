using KoraInfra.Platform.Secrets;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// The seed's "rotacao periodica (max 90 dias)" and the rotation windows at their exact edges:
/// 89, 90 and 91 days; an emergency rotation stamped exactly now or exactly at a window's start.
/// </summary>
public sealed class RotationBoundaryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(89)]
    [InlineData(90)]
    public void Periods_from_one_to_ninety_days_are_accepted(int days)
    {
        var catalogue = SecretCatalogue.Create([Entry(RotationPolicy.Every(days))]);

        Assert.Equal(days, catalogue.Entries[0].Rotation.PeriodDays);
    }

    [Theory]
    [InlineData(91, "rotation period of 91 days exceeds the seed's maximum of 90 days")]
    [InlineData(0, "rotation period of 0 days; expected 1 to 90 days")]
    [InlineData(-1, "rotation period of -1 days; expected 1 to 90 days")]
    public void Periods_outside_one_to_ninety_days_are_refused(int days, string problem)
    {
        var ex = Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.Create([Entry(RotationPolicy.Every(days))]));

        Assert.Contains(problem, Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_emergency_rotation_stamped_exactly_now_is_accepted_and_rotates()
    {
        var now = Utc(2026, 11, 20, 12);

        var plan = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.RedisAccessKey, now)]), new FakeTimeProvider(now));

        var secret = plan.Secret(SecretCatalogue.RedisAccessKey);
        Assert.Equal("2026-11-20T12:00:00Z", secret.Keepers[SecretRotation.EmergencyKeeper]);
        Assert.Equal(now, secret.LastRotation);
    }

    [Fact]
    public void An_emergency_rotation_one_tick_after_now_is_refused()
    {
        var now = Utc(2026, 11, 20, 12);

        Assert.Throws<InvalidEmergencyRotationException>(() =>
            SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.RedisAccessKey, now.AddTicks(1))]), new FakeTimeProvider(now)));
    }

    [Fact]
    public void An_emergency_rotation_exactly_at_the_windows_start_is_kept_and_one_tick_earlier_is_not()
    {
        // 2026-12-03T00:00Z starts a 30-day window (postgres-admin-password rotates every 30 days).
        var start = Utc(2026, 12, 3);
        var clock = new FakeTimeProvider(start.AddHours(10));

        var atStart = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.PostgresAdminPassword, start)]), clock)
            .Secret(SecretCatalogue.PostgresAdminPassword);
        var before = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.PostgresAdminPassword, start.AddTicks(-1))]), clock)
            .Secret(SecretCatalogue.PostgresAdminPassword);

        Assert.Equal(start, atStart.Window!.Start);
        Assert.Equal(["emergency", "window"], atStart.Keepers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2026-12-03T00:00:00Z", atStart.Keepers[SecretRotation.EmergencyKeeper]);
        Assert.Equal(["window"], before.Keepers.Keys);
        Assert.Equal(start, atStart.LastRotation);
        Assert.Equal(start, before.LastRotation);
    }

    [Fact]
    public void An_up_exactly_at_the_windows_start_is_in_the_new_window_and_one_tick_earlier_in_the_old()
    {
        var start = Utc(2026, 12, 3);

        var at = SecretsPlan.For(Committed("prod"), new FakeTimeProvider(start)).Secret(SecretCatalogue.PostgresAdminPassword);
        var before = SecretsPlan.For(Committed("prod"), new FakeTimeProvider(start.AddTicks(-1))).Secret(SecretCatalogue.PostgresAdminPassword);

        Assert.Equal(start, at.Window!.Start);
        Assert.Equal(start.AddDays(30), at.ExpiresAt);
        Assert.Equal(start, before.ExpiresAt);
        Assert.Equal(start, at.LastRotation);
        Assert.Equal(start.AddDays(-30), before.LastRotation);
    }

    private static SecretDefinition Entry(RotationPolicy rotation) =>
        new("postgres-app-password", "postgresql", "test entry", [Workload.PlatformRuntime], rotation, SecretProduction.GeneratedByPulumi, SecretCatalogue.PasswordContentType);
}
