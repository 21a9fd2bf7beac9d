using KoraInfra.Platform.Database;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;
using KoraInfra.TestCases;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database;

public sealed class TenantDatabasePlanTests
{
    private const string Fingerprint = "0000000000000000000000000000000000000000000000000000000000000000";

    private static StackSettings Settings(string stack) => StackFiles.Validate(Repository.StackFile(stack)).Require();

    private static TenantDatabasePlan Plan(string stack, string? image = null) => TenantDatabasePlan.For(Settings(stack), Fingerprint, image);

    [Fact]
    public void Prod_is_zone_redundant_with_geo_redundant_backups_kept_35_days()
    {
        var server = Plan("prod").Server;

        Assert.Equal(DatabaseHighAvailability.ZoneRedundant, server.HighAvailability);
        Assert.True(server.GeoRedundantBackup);
        Assert.Equal(35, server.BackupRetentionDays);
        Assert.Equal(("Standard_D4ds_v5", DatabaseSkuTier.GeneralPurpose, 128), (server.SkuName, server.SkuTier, server.StorageSizeGb));
        Assert.False(server.PublicNetworkAccess);
    }

    [Fact]
    public void Staging_is_private_and_production_shaped_but_single_zone()
    {
        var server = Plan("staging").Server;

        Assert.Equal(DatabaseHighAvailability.Disabled, server.HighAvailability);
        Assert.False(server.GeoRedundantBackup);
        Assert.Equal(14, server.BackupRetentionDays);
        Assert.Equal(DatabaseSkuTier.GeneralPurpose, server.SkuTier);
        Assert.False(server.PublicNetworkAccess);
        Assert.Empty(server.FirewallRules);
    }

    [Fact]
    public void Dev_is_the_smallest_burstable_server_with_a_week_of_backups()
    {
        var server = Plan("dev").Server;

        Assert.Equal(("Standard_B1ms", DatabaseSkuTier.Burstable, 32), (server.SkuName, server.SkuTier, server.StorageSizeGb));
        Assert.Equal(DatabaseHighAvailability.Disabled, server.HighAvailability);
        Assert.Equal(7, server.BackupRetentionDays);
        Assert.True(server.PublicNetworkAccess);
        Assert.Equal(
            [new FirewallRulePlan("allow-azure-services", "0.0.0.0", "0.0.0.0"), new FirewallRulePlan("allowlist-0", "203.0.113.0", "203.0.113.255")],
            server.FirewallRules);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_server_requires_tls_12_enables_entra_and_hosts_kora_and_n8n(string stack)
    {
        var server = Plan(stack).Server;

        Assert.Contains(new ServerParameter("require_secure_transport", "on", "refuse every connection that is not TLS"), server.Parameters);
        Assert.Equal("TLSv1.2", Assert.Single(server.Parameters, p => p.Name == "ssl_min_protocol_version").Value);
        Assert.True(server.EntraAuthentication);
        Assert.Equal(["kora", "n8n"], server.Databases.Select(d => d.Name));
        Assert.Equal("15", server.Version);
        Assert.True(server.StorageAutoGrow);
        Assert.Equal($"psql-kora-{stack}-brs", server.ServerName);
        Assert.Null(ResourceNamer.Violation(ResourceKind.PostgreSqlServer, server.ServerName));
    }

    [Fact]
    public void A_zone_redundant_environment_on_a_burstable_tier_is_refused()
    {
        var settings = Settings("prod") with { SizingTier = SizingTier.Small };

        var ex = Assert.Throws<InvalidOperationException>(() => TenantDatabasePlan.For(settings, Fingerprint));
        Assert.Contains("Burstable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_in_a_region_without_zones_gets_no_zone_redundant_ha()
    {
        var settings = Settings("prod") with { Region = new AzureRegion("nozones", "nz", HasAvailabilityZones: false) };

        Assert.Equal(DatabaseHighAvailability.Disabled, TenantDatabasePlan.For(settings, Fingerprint).Server.HighAvailability);
    }

    [Theory]
    [InlineData("dev", null, true)]
    [InlineData("staging", null, false)]
    [InlineData("prod", null, false)]
    [InlineData("prod", "ghcr.io/koraos/kora-tools:v1.4.0", false)]
    [InlineData("prod", "ghcr.io/koraos/kora-tools@sha256:4f2d7c1e9a0b3c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5", true)]
    public void The_migration_image_must_be_a_digest_where_the_environment_requires_one(string stack, string? image, bool meetsPolicy)
    {
        Assert.Equal(meetsPolicy, Plan(stack, image).MigrationJob.MeetsImagePolicy);
    }

    [Fact]
    public void The_released_tools_image_is_taken_by_digest_from_the_release()
    {
        var digest = "sha256:" + new string('c', 64);
        ImageReference[] images = [new("ghcr.io/koraos/api", "sha256:" + new string('a', 64)), new(TenantDatabasePlan.ToolsImageRepository, digest)];

        var image = TenantDatabasePlan.ReleasedToolsImage(images);

        Assert.Equal($"ghcr.io/koraos/kora-tools@{digest}", image);
        Assert.True(Plan("prod", image).MigrationJob.MeetsImagePolicy);
        Assert.Null(TenantDatabasePlan.ReleasedToolsImage([images[0]]));
        Assert.Null(TenantDatabasePlan.ReleasedToolsImage(null));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void A_full_release_runs_the_migration_job_from_the_released_tools_image_by_digest(string stack)
    {
        var image = TenantDatabasePlan.ReleasedToolsImage(ReleaseFixtures.FullReleaseImages);

        var job = Plan(stack, image).MigrationJob;

        Assert.Equal(ReleaseFixtures.Tools.ToString(), job.Image);
        Assert.True(job.MeetsImagePolicy);
    }

    [Fact]
    public void A_release_without_the_tools_image_leaves_staging_on_the_branch_tag_which_fails_the_image_policy()
    {
        var image = TenantDatabasePlan.ReleasedToolsImage([ReleaseFixtures.Api, ReleaseFixtures.Worker]);

        var job = Plan("staging", image).MigrationJob;

        Assert.Equal(TenantDatabasePlan.BranchToolsImage, job.Image);
        Assert.False(job.MeetsImagePolicy);
    }

    [Fact]
    public void The_migration_job_runs_kora_db_migrate_with_the_connection_from_a_secret()
    {
        var job = Plan("staging").MigrationJob;

        Assert.Equal(["db", "migrate", "--migrations", "/app/db/migrations"], job.Args);
        Assert.Equal("KORA_DB_CONNECTION", job.ConnectionVariable);
        Assert.Equal(Fingerprint, job.MigrationsFingerprint);

        // The policy pack (KORA-024) recognises the migration Job by this label.
        Assert.Equal("db-migrations", job.Labels["app.kubernetes.io/component"]);
    }

    [Fact]
    public void The_administrator_connection_string_verifies_the_server_certificate()
    {
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var builder = new NpgsqlConnectionStringBuilder(TenantDatabasePlan.AdministratorConnectionString("psql.example.org", "kora_admin", password));

        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("kora", builder.Database);
        Assert.Equal(password, builder.Password);
    }

    [Fact]
    public void The_migrations_fingerprint_changes_when_any_file_changes()
    {
        var dir = Directory.CreateTempSubdirectory("kora-fingerprint-").FullName;
        File.WriteAllText(Path.Combine(dir, "V1__a.sql"), "SELECT 1;");
        var before = MigrationSet.Fingerprint(dir);
        Assert.Equal(before, MigrationSet.Fingerprint(dir));

        File.AppendAllText(Path.Combine(dir, "V1__a.sql"), "\n");
        Assert.NotEqual(before, MigrationSet.Fingerprint(dir));
        Assert.Equal(64, before.Length);
        Assert.Equal(MigrationSet.Locate(Repository.Root), Path.Combine(Repository.Root, "db", "migrations"));
    }
}
