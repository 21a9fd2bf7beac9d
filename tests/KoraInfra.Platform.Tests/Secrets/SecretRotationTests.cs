using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class SecretRotationTests
{
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Keepers(SecretsPlan plan) =>
        plan.Secrets.ToDictionary(s => s.Name, s => s.Keepers, StringComparer.Ordinal);

    private static List<string> Changed(SecretsPlan before, SecretsPlan after)
    {
        var old = Keepers(before);
        return Keepers(after)
            .Where(k => !old[k.Key].OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(k.Value.OrderBy(p => p.Key, StringComparer.Ordinal)))
            .Select(k => k.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Within_a_window_repeated_ups_keep_every_value()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 4, 9));
        var settings = Committed("prod");

        var first = SecretsPlan.For(settings, clock);
        clock.Advance(TimeSpan.FromDays(28));
        var later = SecretsPlan.For(settings, clock);

        Assert.Empty(Changed(first, later));
    }

    [Fact]
    public void An_up_after_the_window_regenerates_exactly_the_secrets_whose_window_ended()
    {
        // 2026-12-03 is a boundary of both the 30-day and the 90-day windows, not of the 60-day one.
        var clock = new FakeTimeProvider(Utc(2026, 12, 2, 23, 59));
        var settings = Committed("prod");

        var before = SecretsPlan.For(settings, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = SecretsPlan.For(settings, clock);

        var expected = after.Secrets
            .Where(s => s.Definition.Rotation.PeriodDays is 30 or 90)
            .Select(s => s.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, Changed(before, after));
        Assert.Contains(SecretCatalogue.PostgresAdminPassword, expected);
        Assert.DoesNotContain(SecretCatalogue.PostgresAppPassword, expected);
    }

    [Fact]
    public void The_n8n_encryption_key_keeps_its_value_across_every_window()
    {
        var clock = new FakeTimeProvider(Utc(2026, 1, 1));
        var settings = Committed("prod");
        var first = SecretsPlan.For(settings, clock).Secret(SecretCatalogue.N8nEncryptionKey);

        for (var day = 0; day < 800; day += 13)
        {
            clock.Advance(TimeSpan.FromDays(13));
            var now = SecretsPlan.For(settings, clock).Secret(SecretCatalogue.N8nEncryptionKey);
            Assert.Equal(first.Keepers, now.Keepers);
            Assert.Null(now.Window);

            // Still never without an expiry: a 90-day review window, renewed with the same value.
            Assert.Equal(RotationWindow.Containing(clock.GetUtcNow(), 90).End, now.ExpiresAt);
        }
    }

    [Fact]
    public void The_n8n_encryption_key_has_no_keeper_and_keeps_its_former_generator()
    {
        var key = SecretsPlan.For(Committed("prod"), new FakeTimeProvider(Utc(2026, 11, 29))).Secret(SecretCatalogue.N8nEncryptionKey);

        Assert.Empty(key.Keepers);
        Assert.Equal("n8n-encryption-key", key.Definition.FormerGeneratorName);
        Assert.Equal(48, key.Definition.GeneratedLength);
    }

    [Fact]
    public void Emergency_rotation_changes_exactly_the_named_secrets()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 20, 10));
        var before = SecretsPlan.For(Committed("prod"), clock);
        EmergencyRotation[] emergencies =
        [
            new(SecretCatalogue.PostgresAppPassword, Utc(2026, 11, 20, 9, 30)),
            new("alert-devops-pager-url", Utc(2026, 11, 20, 9, 45)),
        ];

        var after = SecretsPlan.For(With("prod", emergencies: emergencies), clock);

        Assert.Equal(["alert-devops-pager-url", SecretCatalogue.PostgresAppPassword], Changed(before, after));
        Assert.Equal("2026-11-20T09:30:00Z", after.Secret(SecretCatalogue.PostgresAppPassword).Keepers[SecretRotation.EmergencyKeeper]);
    }

    [Fact]
    public void A_second_emergency_rotation_of_the_same_secret_rotates_it_again()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 20, 12));
        var once = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.PostgresN8nPassword, Utc(2026, 11, 20, 9))]), clock);

        var twice = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.PostgresN8nPassword, Utc(2026, 11, 20, 9)), new(SecretCatalogue.PostgresN8nPassword, Utc(2026, 11, 20, 11))]), clock);

        Assert.Equal([SecretCatalogue.PostgresN8nPassword], Changed(once, twice));
    }

    [Fact]
    public void At_the_next_window_an_emergency_rotated_secret_changes_once_not_twice()
    {
        var emergencies = new EmergencyRotation[] { new(SecretCatalogue.PostgresAdminPassword, Utc(2026, 11, 20)) };
        var clock = new FakeTimeProvider(Utc(2026, 12, 3));

        var plan = SecretsPlan.For(With("prod", emergencies: emergencies), clock);

        var keepers = plan.Secret(SecretCatalogue.PostgresAdminPassword).Keepers;
        Assert.Equal(["window"], keepers.Keys);
        Assert.Equal(Keepers(SecretsPlan.For(Committed("prod"), clock))[SecretCatalogue.PostgresAdminPassword], keepers);
    }

    [Fact]
    public void The_n8n_encryption_key_changes_only_by_emergency_rotation()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 20, 12));
        var before = SecretsPlan.For(Committed("prod"), clock);

        var after = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.N8nEncryptionKey, Utc(2026, 11, 20, 11))]), clock);

        Assert.Equal([SecretCatalogue.N8nEncryptionKey], Changed(before, after));
    }

    [Fact]
    public void An_emergency_rotation_dated_in_the_future_is_refused()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 20, 12));

        var ex = Assert.Throws<InvalidEmergencyRotationException>(() => SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.RedisAccessKey, Utc(2026, 11, 21))]), clock));

        Assert.Contains("kora-infra:emergencyRotations[0].requestedAt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("later than now", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_secret_expires_at_the_end_of_its_window_within_its_period_or_the_seeds_maximum(string stack)
    {
        var clock = new FakeTimeProvider(Utc(2028, 2, 29, 18));

        var plan = SecretsPlan.For(Committed(stack), clock);

        Assert.All(plan.Secrets, s =>
        {
            Assert.True(s.ExpiresAt > clock.GetUtcNow(), s.Name);
            Assert.True(s.ExpiresAt - clock.GetUtcNow() <= TimeSpan.FromDays(s.Definition.Rotation.PeriodDays ?? 90), s.Name);
            if (s.Window is not null)
            {
                Assert.Equal(s.Window.End, s.ExpiresAt);
                Assert.Equal(s.Window.Id, s.Keepers[SecretRotation.WindowKeeper]);
            }
        });
    }
}
