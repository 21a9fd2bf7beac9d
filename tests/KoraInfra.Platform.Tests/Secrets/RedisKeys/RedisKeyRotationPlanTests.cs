using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

public sealed class RedisKeyRotationPlanTests
{
    private static readonly DateTimeOffset Start = Utc(2026, 11, 18);
    private static readonly RedisKeyRotation ToSecondary = new("redis-kora-prod-brs", "kv-kora-prod-brs", "window=p90-20261118", Start, RedisKey.Secondary);

    private static RedisKeyRotation At(StackSettings settings, DateTimeOffset now) =>
        RedisKeyRotationPlan.For(SecretsPlan.For(settings, new FakeTimeProvider(now)), settings)!;

    [Fact]
    public void Every_window_moves_consumers_to_the_other_key()
    {
        var settings = With("prod", emergencies: [], reports: []);
        var window = RotationWindow.Containing(Utc(2026, 11, 21), 90);

        var inside = At(settings, window.Start.AddDays(1));
        var sameWindow = At(settings, window.End.AddSeconds(-1));
        var next = At(settings, window.End);

        Assert.Equal(inside.Current, sameWindow.Current);
        Assert.NotEqual(inside.Current, next.Current);
        Assert.Equal(inside.Current, next.Previous);
        Assert.Equal(window.Start, inside.VersionStart);
        Assert.Equal("window=" + window.Id, inside.Version);
        Assert.Equal("redis-kora-prod-brs", inside.Cache);
        Assert.Equal("kv-kora-prod-brs", inside.Vault);
    }

    [Fact]
    public void An_emergency_rotation_flips_the_key_at_once_and_starts_its_version()
    {
        var now = Utc(2026, 11, 21, 15);
        var requested = Utc(2026, 11, 21, 14, 50);
        var scheduled = At(With("prod", emergencies: [], reports: []), now);
        var emergency = At(With("prod", emergencies: [new EmergencyRotation(SecretCatalogue.RedisAccessKey, requested)], reports: []), now);
        var otherSecret = At(With("prod", emergencies: [new EmergencyRotation("postgres-app-password", requested)], reports: []), now);

        Assert.NotEqual(scheduled.Current, emergency.Current);
        Assert.Equal(requested, emergency.VersionStart);
        Assert.Contains("emergency=2026-11-21T14:50:00Z", emergency.Version, StringComparison.Ordinal);
        Assert.Equal(scheduled.Current, otherSecret.Current);
    }

    [Fact]
    public void An_in_cluster_queue_has_no_azure_key_to_rotate()
    {
        var settings = Committed("dev");
        var local = settings with { Cluster = settings.Cluster with { Mode = ClusterMode.Existing } };

        Assert.Null(RedisKeyRotationPlan.For(SecretsPlan.For(local, new FakeTimeProvider(Start)), local));
        Assert.NotNull(RedisKeyRotationPlan.For(SecretsPlan.For(settings, new FakeTimeProvider(Start)), settings));
    }

    [Fact]
    public void A_new_version_regenerates_the_key_nobody_holds()
    {
        var step = RedisKeyRotationPlan.Next(ToSecondary, new RedisKeyState(RedisKey.Primary, Start.AddDays(-60), null), Start.AddHours(3));

        Assert.Equal(RedisKeyAction.RegenerateStandby, step.Action);
        Assert.Equal(RedisKey.Secondary, step.Key);
    }

    [Fact]
    public void The_previous_key_is_regenerated_only_after_the_overlap_or_when_the_operator_ends_it()
    {
        var written = Start.AddHours(3);
        var state = new RedisKeyState(RedisKey.Secondary, written, null);

        Assert.Equal(RedisKeyAction.AwaitOverlap, RedisKeyRotationPlan.Next(ToSecondary, state, written + RedisKeyRotationPlan.Overlap - TimeSpan.FromSeconds(1)).Action);
        var due = RedisKeyRotationPlan.Next(ToSecondary, state, written + RedisKeyRotationPlan.Overlap);
        Assert.Equal(RedisKeyAction.RegeneratePrevious, due.Action);
        Assert.Equal(RedisKey.Primary, due.Key);
        var early = RedisKeyRotationPlan.Next(ToSecondary, state, written.AddMinutes(30), endOverlap: true);
        Assert.Equal(RedisKeyAction.RegeneratePrevious, early.Action);
        Assert.Contains("ended early", early.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marker_from_this_vault_version_means_nothing_is_left_but_one_from_an_older_version_does_not()
    {
        var written = Start.AddHours(3);
        var after = written + RedisKeyRotationPlan.Overlap + TimeSpan.FromHours(1);

        Assert.Equal(RedisKeyAction.None, RedisKeyRotationPlan.Next(ToSecondary, new RedisKeyState(RedisKey.Secondary, written, written.AddHours(25)), after).Action);
        Assert.Equal(RedisKeyAction.RegeneratePrevious, RedisKeyRotationPlan.Next(ToSecondary, new RedisKeyState(RedisKey.Secondary, written, written.AddHours(-1)), after).Action);
    }

    [Fact]
    public void A_vault_value_older_than_the_version_on_the_plans_key_is_refused_rather_than_regenerated_in_use()
    {
        var step = RedisKeyRotationPlan.Next(ToSecondary, new RedisKeyState(RedisKey.Secondary, Start.AddSeconds(-1), null), Start.AddHours(3));

        Assert.Equal(RedisKeyAction.Refuse, step.Action);
        Assert.Null(step.Key);
        Assert.Contains("kora-infra:emergencyRotations", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_value_to_protect_the_up_simply_writes_the_plans_key()
    {
        Assert.Equal(RedisKeyAction.None, RedisKeyRotationPlan.Next(ToSecondary, null, Start).Action);
        Assert.Equal(RedisKeyAction.None, RedisKeyRotationPlan.Next(ToSecondary, new RedisKeyState(null, Start.AddDays(-3), null), Start).Action);
    }

    [Fact]
    public void The_vault_value_is_matched_to_a_key_without_showing_either()
    {
        var keys = new RedisAccessKeys("primary-value-0123456789", "secondary-value-0123456789");

        Assert.Equal(RedisKey.Primary, RedisKeyState.Match("primary-value-0123456789", keys));
        Assert.Equal(RedisKey.Secondary, RedisKeyState.Match("secondary-value-0123456789", keys));
        Assert.Null(RedisKeyState.Match("primary-value-012345678", keys));
        Assert.DoesNotContain("value", keys.ToString().Replace("values redacted", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
