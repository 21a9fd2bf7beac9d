using KoraInfra.Platform.Release.Gates;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class CompromisedCredentialCheckTests
{
    private static readonly DateTimeOffset Reported = Utc(2026, 11, 20, 14, 30);

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void A_reported_credential_blocks_promotion_in_every_environment_naming_it(string stack)
    {
        var plan = SecretsPlan.For(With(stack, reports: [new(SecretCatalogue.PostgresAppPassword, Reported)]), new FakeTimeProvider(Utc(2026, 11, 21)));

        var pending = Assert.Single(plan.PendingCompromisedCredentials);
        Assert.Equal(new PendingCompromisedCredential(SecretCatalogue.PostgresAppPassword, Reported), pending);
        Assert.Contains("'postgres-app-password' reported compromised at 2026-11-20T14:30:00Z", CompromisedCredentialCheck.Failure(plan.PendingCompromisedCredentials), StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_check_reads_pending_credentials_straight_from_a_stacks_settings()
    {
        var settings = With("staging", reports: [new(SecretCatalogue.RedisAccessKey, Reported)]);

        var pending = CompromisedCredentialCheck.PendingFor(settings, new FakeTimeProvider(Utc(2026, 11, 21)));

        Assert.Equal([new PendingCompromisedCredential(SecretCatalogue.RedisAccessKey, Reported)], pending);
        Assert.Empty(CompromisedCredentialCheck.PendingFor(Committed("staging"), new FakeTimeProvider(Utc(2026, 11, 21))));
    }

    [Fact]
    public void The_prod_gate_learns_pending_credentials_from_the_stack_files()
    {
        var project = Directory.CreateTempSubdirectory("kora-secrets-").FullName;
        File.WriteAllText(
            Path.Combine(project, "Pulumi.prod.yaml"),
            File.ReadAllText(Repository.StackFile("prod")).Replace(
                "kora-infra:compromisedCredentials: []",
                "kora-infra:compromisedCredentials:\n    - name: redis-access-key\n      reportedAt: 2026-11-20T14:30:00Z",
                StringComparison.Ordinal));
        ICompromisedCredentialSource source = new StackFileCompromisedCredentials(project, new FakeTimeProvider(Utc(2026, 11, 21)));

        var pending = source.Pending("prod");

        Assert.Equal([new PendingCompromisedCredential(SecretCatalogue.RedisAccessKey, Reported)], pending);
        Assert.Throws<InvalidStackSettingsException>(() => source.Pending("staging"));
    }

    [Fact]
    public void The_evidence_part_round_trips_in_the_release_documents_dialect()
    {
        var evidence = new CompromisedCredentialEvidence([new PendingCompromisedCredential(SecretCatalogue.RedisAccessKey, Reported)]);

        var json = evidence.ToJson();

        Assert.Contains("\"pendingCompromisedCredentials\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reportedAt\"", json, StringComparison.Ordinal);
        Assert.Equal(evidence.PendingCompromisedCredentials, CompromisedCredentialEvidence.Read(json).PendingCompromisedCredentials);
    }

    [Fact]
    public void The_program_refuses_to_deploy_prod_while_one_is_pending()
    {
        var settings = With("prod", reports: [new(SecretCatalogue.N8nOwnerPassword, Reported)]);
        var plan = SecretsPlan.For(settings, new FakeTimeProvider(Utc(2026, 11, 21)));

        var ex = Assert.Throws<CompromisedCredentialException>(() => plan.EnsureDeployable(settings));

        Assert.Contains("n8n-owner-password", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SecretCatalogue.N8nOwnerPassword, Assert.Single(ex.Pending).Name);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public void Other_environments_deploy_so_that_the_up_can_apply_the_rotation(string stack)
    {
        var settings = With(stack, reports: [new(SecretCatalogue.N8nOwnerPassword, Reported)]);
        var plan = SecretsPlan.For(settings, new FakeTimeProvider(Utc(2026, 11, 21)));

        plan.EnsureDeployable(settings);

        Assert.NotEmpty(plan.PendingCompromisedCredentials);
    }

    [Fact]
    public void The_block_lifts_once_the_credential_is_rotated_after_the_report()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 21));
        CompromisedCredentialReport[] reports = [new(SecretCatalogue.PostgresAppPassword, Reported)];
        var blocked = With("prod", reports: reports);
        var rotated = With("prod", emergencies: [new(SecretCatalogue.PostgresAppPassword, Reported.AddMinutes(20))], reports: reports);

        Assert.NotEmpty(SecretsPlan.For(blocked, clock).PendingCompromisedCredentials);
        var plan = SecretsPlan.For(rotated, clock);

        Assert.Empty(plan.PendingCompromisedCredentials);
        Assert.Null(CompromisedCredentialCheck.Failure(plan.PendingCompromisedCredentials));
        plan.EnsureDeployable(rotated);
    }

    [Fact]
    public void A_rotation_before_or_at_the_report_proves_nothing()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 21));
        CompromisedCredentialReport[] reports = [new(SecretCatalogue.PostgresAppPassword, Reported)];

        var before = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.PostgresAppPassword, Reported.AddMinutes(-1))], reports: reports), clock);
        var at = SecretsPlan.For(With("prod", emergencies: [new(SecretCatalogue.PostgresAppPassword, Reported)], reports: reports), clock);

        Assert.Single(before.PendingCompromisedCredentials);
        Assert.Single(at.PendingCompromisedCredentials);
    }

    [Fact]
    public void A_scheduled_window_that_opened_after_the_report_replaces_a_generated_secret()
    {
        // postgres-admin-password rotates every 30 days; a window opens on 2026-12-03.
        CompromisedCredentialReport[] reports = [new(SecretCatalogue.PostgresAdminPassword, Reported)];
        var clock = new FakeTimeProvider(Utc(2026, 12, 2, 23));

        Assert.Single(SecretsPlan.For(With("prod", reports: reports), clock).PendingCompromisedCredentials);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(SecretsPlan.For(With("prod", reports: reports), clock).PendingCompromisedCredentials);
    }

    [Fact]
    public void A_new_window_does_not_replace_an_operator_provided_secret()
    {
        CompromisedCredentialReport[] reports = [new("alert-superadmin-webhook-url", Reported)];

        var plan = SecretsPlan.For(With("prod", reports: reports), new FakeTimeProvider(Utc(2027, 3, 1)));

        Assert.Equal("alert-superadmin-webhook-url", Assert.Single(plan.PendingCompromisedCredentials).Name);
    }

    [Fact]
    public void The_latest_report_of_a_credential_is_the_one_that_counts()
    {
        var clock = new FakeTimeProvider(Utc(2026, 11, 30));
        var settings = With(
            "prod",
            emergencies: [new(SecretCatalogue.RedisAccessKey, Utc(2026, 11, 21))],
            reports: [new(SecretCatalogue.RedisAccessKey, Utc(2026, 11, 20)), new(SecretCatalogue.RedisAccessKey, Utc(2026, 11, 25))]);

        var pending = Assert.Single(SecretsPlan.For(settings, clock).PendingCompromisedCredentials);

        Assert.Equal(Utc(2026, 11, 25), pending.ReportedAt);
    }
}
