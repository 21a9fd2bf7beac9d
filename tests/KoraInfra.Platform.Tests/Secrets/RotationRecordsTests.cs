using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class RotationRecordsTests
{
    private static readonly DateTimeOffset Reported = Utc(2026, 11, 20, 14, 30);

    private static CredentialRotationRecord Record(DateTimeOffset at, string secret = "postgres-app-password") => new(secret, "window=p60-20261118", "vault", at);

    [Fact]
    public void Only_a_rotation_record_newer_than_the_report_clears_the_credential()
    {
        CompromisedCredentialReport[] reports = [new("postgres-app-password", Reported)];

        Assert.Single(RotationRecords.Pending(reports, []));
        Assert.Single(RotationRecords.Pending(reports, [Record(Reported.AddMinutes(-1))]));
        Assert.Single(RotationRecords.Pending(reports, [Record(Reported)]));
        Assert.Single(RotationRecords.Pending(reports, [Record(Reported.AddHours(1), "postgres-n8n-password")]));
        Assert.Empty(RotationRecords.Pending(reports, [Record(Reported.AddSeconds(1))]));
    }

    [Fact]
    public void The_latest_report_of_a_credential_is_the_one_a_record_must_follow()
    {
        CompromisedCredentialReport[] reports = [new("postgres-app-password", Reported), new("postgres-app-password", Reported.AddDays(2))];

        var pending = Assert.Single(RotationRecords.Pending(reports, [Record(Reported.AddDays(1))]));
        Assert.Equal(Reported.AddDays(2), pending.ReportedAt);
    }

    [Fact]
    public void An_up_that_re_applies_a_version_keeps_its_first_time_so_a_report_after_it_stays_pending()
    {
        var settings = With("prod", emergencies: [], reports: []);
        var applied = Utc(2026, 11, 18, 6);
        var first = RotationRecords.ForUp(SecretsPlan.For(settings, new FakeTimeProvider(applied)), settings, "psql:5432/kora", [], applied);
        var rerun = Utc(2026, 11, 21);
        var second = RotationRecords.ForUp(SecretsPlan.For(settings, new FakeTimeProvider(rerun)), settings, "psql:5432/kora", first, rerun);

        var app = second.Single(r => r.Secret == "postgres-app-password");
        Assert.Equal(applied, app.AppliedAt);
        Assert.Contains("kora_app_", app.AppliedTo, StringComparison.Ordinal);
        Assert.Single(RotationRecords.Pending([new CompromisedCredentialReport("postgres-app-password", Reported)], second));

        // The emergency rotation after the report is a new version, applied now: the proof.
        var emergency = With("prod", emergencies: [new EmergencyRotation("postgres-app-password", Reported.AddMinutes(20))], reports: []);
        var third = RotationRecords.ForUp(SecretsPlan.For(emergency, new FakeTimeProvider(rerun)), emergency, "psql:5432/kora", second, rerun);
        Assert.Empty(RotationRecords.Pending([new CompromisedCredentialReport("postgres-app-password", Reported)], third));
    }

    [Fact]
    public void Generated_values_and_the_caches_key_are_recorded_as_rotated_by_an_up()
    {
        var settings = Committed("prod");
        var at = Utc(2026, 11, 21);
        var records = RotationRecords.ForUp(SecretsPlan.For(settings, new FakeTimeProvider(at)), settings, "psql:5432/kora", [], at);

        Assert.DoesNotContain(records, r => r.Secret.StartsWith("alert-", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Secret == "postgres-n8n-password");
        var redis = records.Single(r => r.Secret == "redis-access-key");
        Assert.Matches("^window=p90-[0-9]{8};key=(primary|secondary)$", redis.Version);
        Assert.StartsWith("kv-kora-prod-brs and redis-kora-prod-brs ", redis.AppliedTo, StringComparison.Ordinal);
        Assert.Equal(at + TimeSpan.FromHours(24), redis.PreviousValidUntil);
    }

    [Fact]
    public void A_compromised_redis_key_is_cleared_by_the_up_of_its_emergency_rotation_not_by_the_request()
    {
        var reported = Utc(2026, 11, 21, 14, 30);
        CompromisedCredentialReport[] reports = [new("redis-access-key", reported)];
        var before = With("prod", emergencies: [], reports: reports);
        var earlier = RotationRecords.ForUp(SecretsPlan.For(before, new FakeTimeProvider(reported.AddDays(-1))), before, "psql:5432/kora", [], reported.AddDays(-1));
        Assert.Single(RotationRecords.Pending(reports, earlier));

        var emergency = With("prod", emergencies: [new EmergencyRotation("redis-access-key", reported.AddMinutes(10))], reports: reports);
        var applied = reported.AddMinutes(40);
        var records = RotationRecords.ForUp(SecretsPlan.For(emergency, new FakeTimeProvider(applied)), emergency, "psql:5432/kora", earlier, applied);

        Assert.NotEqual(earlier.Single(r => r.Secret == "redis-access-key").Version, records.Single(r => r.Secret == "redis-access-key").Version);
        Assert.Empty(RotationRecords.Pending(reports, records));
    }
}
