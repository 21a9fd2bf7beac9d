using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class SecretCatalogueTests
{
    private static SecretDefinition Entry(string name, RotationPolicy rotation) =>
        new(name, "postgresql", "a test secret", [Workload.PlatformRuntime], rotation, SecretProduction.GeneratedByPulumi, "text/plain; kind=password");

    [Fact]
    public void The_prod_catalogue_holds_every_platform_secret_and_one_url_per_webhook_receiver()
    {
        var catalogue = SecretCatalogue.For(Stacks.Committed("prod").AlertReceivers);

        Assert.Equal(
            [
                "postgres-admin-password", "postgres-migrator-password", "postgres-app-password", "postgres-n8n-password",
                "redis-access-key", "n8n-encryption-key", "n8n-owner-password",
                "responder-webhook-token", "responder-api-token", "responder-db-password",
                "alert-superadmin-webhook-url", "alert-devops-webhook-url", "alert-devops-pager-url", "alert-management-webhook-url",
            ],
            catalogue.Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_entry_has_an_owner_a_content_type_and_a_rotation_within_the_seed_maximum(string stack)
    {
        var catalogue = SecretCatalogue.For(Stacks.Committed(stack).AlertReceivers);

        Assert.All(catalogue.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.OwnerService));
            Assert.False(string.IsNullOrWhiteSpace(e.ContentType));
            Assert.True(e.Rotation.PeriodDays is null or (>= 1 and <= 90), $"{e.Name}: {e.Rotation}");
        });
    }

    [Fact]
    public void Only_the_n8n_encryption_key_is_excluded_from_rotation_and_the_reason_is_written_down()
    {
        var catalogue = SecretCatalogue.For(Stacks.Committed("prod").AlertReceivers);

        var never = Assert.Single(catalogue.Entries, e => !e.Rotation.IsScheduled);
        Assert.Equal(SecretCatalogue.N8nEncryptionKey, never.Name);
        Assert.Contains("unreadable", never.Rotation.NeverReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_produced_where_the_catalogue_says()
    {
        var catalogue = SecretCatalogue.For(Stacks.Committed("prod").AlertReceivers);

        Assert.Equal(SecretProduction.IssuedByAzure, catalogue.Find(SecretCatalogue.RedisAccessKey)!.Production);
        Assert.Equal(SecretProduction.ProvidedByOperator, catalogue.Find("alert-superadmin-webhook-url")!.Production);
        Assert.All(
            catalogue.Entries.Where(e => e.OwnerService is "postgresql" or "n8n"),
            e => Assert.Equal(SecretProduction.GeneratedByPulumi, e.Production));
    }

    [Fact]
    public void The_server_administrator_password_is_read_by_no_workload()
    {
        var catalogue = SecretCatalogue.For([]);

        Assert.Empty(catalogue.Find(SecretCatalogue.PostgresAdminPassword)!.Readers);
    }

    [Theory]
    [InlineData(91)]
    [InlineData(120)]
    [InlineData(365)]
    public void An_entry_with_a_period_over_ninety_days_is_rejected_with_a_clear_message(int days)
    {
        var ex = Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.Create([Entry("postgres-app-password", RotationPolicy.Every(days))]));

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("'postgres-app-password'", problem, StringComparison.Ordinal);
        Assert.Contains($"{days} days exceeds the seed's maximum of 90 days", problem, StringComparison.Ordinal);
        Assert.Contains("max 90 dias", problem, StringComparison.Ordinal);
        Assert.Contains("expected 90 days or fewer", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Ninety_days_exactly_is_accepted()
    {
        var catalogue = SecretCatalogue.Create([Entry("postgres-app-password", RotationPolicy.Every(90))]);

        Assert.Equal(90, catalogue.Entries[0].Rotation.PeriodDays);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var ex = Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.Create(
        [
            Entry("a", RotationPolicy.Every(0)),
            Entry("A", RotationPolicy.Every(30)),
            Entry("bad name!", RotationPolicy.Every(30)),
            Entry("never", RotationPolicy.Never(" ")),
        ]));

        Assert.Equal(4, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("'a': rotation period of 0 days", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'A': the name is used twice", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'bad name!': not a Key Vault secret name", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'never': excluded from rotation without a reason", StringComparison.Ordinal));
    }

    [Fact]
    public void A_webhook_secret_named_like_a_platform_secret_is_a_settings_problem()
    {
        var receivers = new[] { new AlertReceiverSettings("oncall", EscalationLevel.Superadmin, ReceiverChannel.Webhook, null, "redis-access-key") };

        var ex = Assert.Throws<InvalidSecretCatalogueException>(() => SecretCatalogue.For(receivers));

        Assert.Contains("redis-access-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_passwords_mix_character_classes_and_the_n8n_key_keeps_its_shape()
    {
        var catalogue = SecretCatalogue.For([]);

        // Azure Database for PostgreSQL refuses a password with fewer than three character classes.
        Assert.Equal(1, catalogue.Find(SecretCatalogue.PostgresAdminPassword)!.MinimumOfEachCharacterClass);
        Assert.Equal(1, catalogue.Find(SecretCatalogue.PostgresN8nPassword)!.MinimumOfEachCharacterClass);
        Assert.Equal(0, catalogue.Find(SecretCatalogue.N8nEncryptionKey)!.MinimumOfEachCharacterClass);
    }
}
