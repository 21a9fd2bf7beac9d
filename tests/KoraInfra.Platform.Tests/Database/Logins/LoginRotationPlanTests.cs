using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Database.Logins;

public sealed class LoginRotationPlanTests
{
    private static LoginRotation App(StackSettings settings, DateTimeOffset at)
    {
        var plan = SecretsPlan.For(settings, new FakeTimeProvider(at));
        return LoginRotationPlan.For(plan, settings).Single(r => r.Login.Group == "kora_app");
    }

    [Fact]
    public void The_slot_alternates_with_each_new_window_and_stays_within_one()
    {
        var settings = With("prod", emergencies: []);
        var start = RotationWindow.Containing(Utc(2026, 11, 4), 60).Start;

        var first = App(settings, start.AddHours(1));
        var sameWindow = App(settings, start.AddDays(59));
        var next = App(settings, start.AddDays(60));

        Assert.Equal(first, sameWindow);
        Assert.Equal(first.PreviousSlot, next.CurrentSlot);
        Assert.Equal(first.CurrentSlot, next.PreviousSlot);
        Assert.NotEqual(first.SecretVersion, next.SecretVersion);
        Assert.Equal($"window={RotationWindow.Containing(start, 60).Id}", first.SecretVersion);
    }

    [Fact]
    public void An_emergency_rotation_flips_the_slot_at_once_and_names_the_new_version()
    {
        var at = Utc(2026, 11, 20, 15);
        var before = App(With("prod", emergencies: []), at);
        var after = App(With("prod", emergencies: [new EmergencyRotation("postgres-app-password", Utc(2026, 11, 20, 14, 50))]), at);

        Assert.Equal(before.PreviousSlot, after.CurrentSlot);
        Assert.Contains("emergency=2026-11-20T14:50:00Z", after.SecretVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emergency_for_another_secret_leaves_the_login_alone()
    {
        var at = Utc(2026, 11, 20, 15);
        var before = App(With("prod", emergencies: []), at);
        var after = App(With("prod", emergencies: [new EmergencyRotation("postgres-n8n-password", Utc(2026, 11, 20, 14, 50))]), at);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Every_password_based_login_has_two_slots_a_vault_secret_and_a_reason()
    {
        Assert.Equal(["kora_app", "n8n", "kora_responder"], DatabaseLogin.All.Select(l => l.Group));
        Assert.All(DatabaseLogin.All, l =>
        {
            Assert.Equal([l.Group + "_a", l.Group + "_b"], l.Slots);
            Assert.False(string.IsNullOrWhiteSpace(l.WhyPassword));
        });
        Assert.DoesNotContain(DatabaseLogin.All, l => l.Group == "kora_reporting");
        Assert.True(LoginRotationPlan.Overlap < TimeSpan.FromDays(30), "the overlap is shorter than the shortest rotation period");
    }
}
