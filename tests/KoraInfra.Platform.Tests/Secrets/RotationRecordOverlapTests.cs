using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// The overlap a rotation record promises (the previous login or key works for 24 h after the
/// first apply of a version, and not a tick longer), which earlier record counts as the first,
/// and which audit entries hold the records.
/// </summary>
public sealed class RotationRecordOverlapTests
{
    private const string Server = "psql:5432/kora";
    private static readonly DateTimeOffset Applied = Utc(2026, 11, 18, 6);

    private static IReadOnlyList<CredentialRotationRecord> Up(DateTimeOffset at, IReadOnlyList<CredentialRotationRecord> earlier)
    {
        var settings = With("prod", emergencies: [], reports: []);
        return RotationRecords.ForUp(SecretsPlan.For(settings, new FakeTimeProvider(at)), settings, Server, earlier, at);
    }

    [Fact]
    public void A_database_login_keeps_its_previous_password_exactly_24_hours_after_the_first_apply()
    {
        var app = Up(Applied, []).Single(r => r.Secret == SecretCatalogue.PostgresAppPassword);

        Assert.Equal(TimeSpan.FromHours(24), LoginRotationPlan.Overlap);
        Assert.Equal(Applied, app.AppliedAt);
        Assert.Equal(Applied.AddHours(24), app.PreviousValidUntil);
        Assert.Matches("^kv-kora-prod-[a-z0-9]+ and psql:5432/kora kora_app_[a-z]+$", app.AppliedTo);
    }

    [Fact]
    public void A_value_that_is_not_a_login_has_no_overlap_and_is_applied_to_the_vault_only()
    {
        var owner = Up(Applied, []).Single(r => r.Secret == SecretCatalogue.N8nOwnerPassword);

        Assert.Null(owner.PreviousValidUntil);
        Assert.Matches("^kv-kora-prod-[a-z0-9]+$", owner.AppliedTo);
        Assert.Equal("window=p60-20261103", owner.Version);
    }

    [Fact]
    public void A_rerun_of_the_same_version_keeps_the_first_apply_and_its_overlap_end()
    {
        var first = Up(Applied, []);
        var rerun = Applied.AddHours(30);

        var second = Up(rerun, first);

        var app = second.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword);
        Assert.Equal(Applied, app.AppliedAt);
        Assert.Equal(Applied.AddHours(24), app.PreviousValidUntil);
        var redis = second.Single(r => r.Secret == SecretCatalogue.RedisAccessKey);
        Assert.Equal(Applied, redis.AppliedAt);
        Assert.Equal(Applied + RedisKeyRotationPlan.Overlap, redis.PreviousValidUntil);
    }

    [Fact]
    public void Of_several_earlier_records_of_the_version_the_earliest_is_the_first_apply()
    {
        var first = Up(Applied, []);
        var app = first.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword);
        var redis = first.Single(r => r.Secret == SecretCatalogue.RedisAccessKey);
        CredentialRotationRecord[] earlier =
        [
            app with { AppliedAt = Applied.AddHours(2) },
            app with { AppliedAt = Applied.AddHours(-1) },
            app with { AppliedAt = Applied.AddHours(1) },
            redis with { AppliedAt = Applied.AddHours(3) },
            redis with { AppliedAt = Applied.AddHours(-2) },
            redis with { AppliedAt = Applied.AddHours(4) },
        ];

        var second = Up(Applied.AddHours(5), earlier);

        Assert.Equal(Applied.AddHours(-1), second.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword).AppliedAt);
        Assert.Equal(Applied.AddHours(23), second.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword).PreviousValidUntil);
        Assert.Equal(Applied.AddHours(-2), second.Single(r => r.Secret == SecretCatalogue.RedisAccessKey).AppliedAt);
        Assert.Equal(Applied.AddHours(22), second.Single(r => r.Secret == SecretCatalogue.RedisAccessKey).PreviousValidUntil);
    }

    [Fact]
    public void An_earlier_record_of_another_version_or_another_secret_is_not_the_first_apply()
    {
        var first = Up(Applied, []);
        var app = first.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword);
        var redis = first.Single(r => r.Secret == SecretCatalogue.RedisAccessKey);
        var now = Applied.AddHours(5);
        CredentialRotationRecord[] earlier =
        [
            app with { Version = "window=p60-20260819", AppliedAt = Applied.AddDays(-60) },
            app with { Secret = SecretCatalogue.PostgresN8nPassword, AppliedAt = Applied.AddDays(-1) },
            redis with { Version = "window=p90-20260820;key=primary", AppliedAt = Applied.AddDays(-90) },
            redis with { Secret = SecretCatalogue.PostgresAppPassword, Version = redis.Version, AppliedAt = Applied.AddDays(-2) },
        ];

        var second = Up(now, earlier);

        Assert.Equal(now, second.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword).AppliedAt);
        Assert.Equal(now.AddHours(24), second.Single(r => r.Secret == SecretCatalogue.PostgresAppPassword).PreviousValidUntil);
        Assert.Equal(now, second.Single(r => r.Secret == SecretCatalogue.RedisAccessKey).AppliedAt);
        Assert.Equal(now.AddHours(24), second.Single(r => r.Secret == SecretCatalogue.RedisAccessKey).PreviousValidUntil);
    }

    [Fact]
    public void A_stack_whose_queue_is_in_cluster_records_no_cache_key()
    {
        var dev = With("dev", emergencies: [], reports: []);
        var existing = dev with { Cluster = dev.Cluster with { Mode = ClusterMode.Existing } };
        var records = RotationRecords.ForUp(SecretsPlan.For(existing, new FakeTimeProvider(Applied)), existing, Server, [], Applied);

        Assert.DoesNotContain(records, r => r.Secret == SecretCatalogue.RedisAccessKey);
        Assert.Contains(records, r => r.Secret == SecretCatalogue.PostgresAppPassword);
    }

    [Fact]
    public void A_version_is_its_keepers_in_order_or_unrotated_without_any()
    {
        var settings = With("prod", emergencies: [new EmergencyRotation(SecretCatalogue.PostgresAppPassword, Applied.AddHours(-1))], reports: []);
        var plan = SecretsPlan.For(settings, new FakeTimeProvider(Applied));

        Assert.Equal("emergency=2026-11-18T05:00:00Z;window=p60-20261103", RotationRecords.Version(plan.Secrets.Single(s => s.Name == SecretCatalogue.PostgresAppPassword)));
        Assert.Equal("unrotated", RotationRecords.Version(plan.Secrets.Single(s => s.Name == SecretCatalogue.N8nEncryptionKey)));
    }

    [Fact]
    public void Only_admitted_rotation_entries_of_the_stack_hold_its_records()
    {
        CredentialRotationRecord Rec(string version) => new(SecretCatalogue.PostgresAppPassword, version, "vault", Applied);
        DeployAuditEntry Entry(string stack, DeployAction action, DeployResult result, string version) => new()
        {
            Sequence = 1,
            At = Applied,
            Who = "release-bot",
            Stack = stack,
            Action = action,
            Release = "v1.4.0",
            Commit = new string('a', 40),
            Images = [],
            Result = result,
            Rotations = [Rec(version)],
        };

        var records = RotationRecords.Of(
            [
                Entry("prod", DeployAction.Rotate, DeployResult.Admitted, "a"),
                Entry("staging", DeployAction.Rotate, DeployResult.Admitted, "b"),
                Entry("prod", DeployAction.Promote, DeployResult.Admitted, "c"),
                Entry("prod", DeployAction.Rotate, DeployResult.Refused, "d"),
                Entry("prod", DeployAction.Rotate, DeployResult.Admitted, "e") with { Rotations = null },
                Entry("prod", DeployAction.Rotate, DeployResult.Admitted, "f"),
            ],
            "prod");

        Assert.Equal(["a", "f"], records.Select(r => r.Version));
    }
}
