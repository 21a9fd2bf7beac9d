using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestSupport;

namespace KoraInfra.Cli.Tests.Commands;

[Collection(UsesPostgres.Name)]
public sealed class DbCommandTests(ThrowawayPostgres postgres)
{
    [Fact]
    public void Migrate_applies_every_file_then_reports_up_to_date()
    {
        var db = postgres.CreateDatabase(migrated: false);

        var first = Kora.Run("db", "migrate", "--connection", db, "--migrations", postgres.MigrationsDirectory);
        var second = Kora.Run("db", "migrate", "--connection", db, "--migrations", postgres.MigrationsDirectory);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("applied  V1__roles.sql", first.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("is up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_refuses_an_edited_applied_migration_with_exit_1()
    {
        var db = postgres.CreateDatabase(migrated: false);
        var dir = Directory.CreateTempSubdirectory("kora-cli-migrations-").FullName;
        File.WriteAllText(Path.Combine(dir, "V1__one.sql"), "CREATE TABLE public.one (id int);");
        Assert.Equal(ExitCodes.Ok, Kora.Run("db", "migrate", "--connection", db, "--migrations", dir).ExitCode);
        File.WriteAllText(Path.Combine(dir, "V1__one.sql"), "CREATE TABLE public.one (id bigint);");

        var run = Kora.Run("db", "migrate", "--connection", db, "--migrations", dir);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("checksum", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_passes_on_the_migrated_baseline()
    {
        var run = Kora.Run("db", "verify", "--connection", postgres.CreateDatabase());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("no row level security weakness found", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_lists_each_weakness_and_exits_1()
    {
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, """
            SET session_replication_role = replica;
            CREATE TABLE kora.leaky (tenant_id uuid);
            CREATE VIEW kora.names AS SELECT display_name FROM kora.contacts;
            """);

        var run = Kora.Run("db", "verify", "--connection", db);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("FAIL  RLS001 kora.leaky:", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  RLS008 kora.names:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reports_the_registry_and_the_policy_content_naming_table_and_policy()
    {
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, """
            SET session_replication_role = replica;
            ALTER TABLE kora.tenants NO FORCE ROW LEVEL SECURITY;
            CREATE POLICY everyone ON kora.flows USING (true) WITH CHECK (true);
            CREATE POLICY copy ON kora.contacts
                USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS current_tenant))
                WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS current_tenant));
            ALTER TABLE kora.flow_executions SET SCHEMA public;
            """);

        var run = Kora.Run("db", "verify", "--connection", db);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("FAIL  RLS002 kora.tenants:", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  RLS012 kora.flows policy everyone: is PERMISSIVE but not the tenant policy: USING is true", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  RLS013 kora.contacts policy copy:", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  RLS011 public.flow_executions:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reads_the_connection_from_the_environment_variable()
    {
        var run = WithEnvironment("KORA_DB_CONNECTION", postgres.CreateDatabase(), () => Kora.Run("db", "verify"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public void Seed_is_deterministic_and_reports_what_it_loaded()
    {
        var db = postgres.CreateDatabase();

        var run = Kora.Run("db", "seed", "--stack", "staging", "--seed", "11", "--tenants", "2", "--connection", db);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("StagingMaskedWithReset, seed 11): 2 tenants, 50 contacts", run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Kora.Run("db", "verify", "--connection", db).ExitCode);
    }

    [Fact]
    public void Seed_refuses_prod_before_touching_any_database()
    {
        // An unreachable database: the refusal must come first, from the environment's data policy.
        var run = Kora.Run("db", "seed", "--stack", "prod", "--connection", "Host=127.0.0.1;Port=1;Database=kora;Username=nobody");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("refusing to seed prod", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_accepts_a_privileged_role_only_when_it_is_named()
    {
        var role = $"kora_cli_bypass_{Environment.ProcessId}";
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, $"CREATE ROLE {role} BYPASSRLS");
        try
        {
            var flagged = Kora.Run("db", "verify", "--connection", db);
            var allowed = Kora.Run("db", "verify", "--connection", db, "--allow-privileged-role", "postgres", "--allow-privileged-role", role);

            Assert.Equal(ExitCodes.Findings, flagged.ExitCode);
            Assert.Contains($"FAIL  RLS006 role {role}: has BYPASSRLS", flagged.Output, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Ok, allowed.ExitCode);
        }
        finally
        {
            ThrowawayPostgres.ExecuteOn(db, $"DROP ROLE {role}");
        }
    }

    [Fact]
    public void Seeding_an_unmigrated_database_says_to_migrate_first()
    {
        var run = Kora.Run("db", "seed", "--stack", "dev", "--connection", postgres.CreateDatabase(migrated: false));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("run 'kora db migrate' first", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_refuses_a_prod_server_even_when_the_stack_says_staging()
    {
        var run = Kora.Run("db", "seed", "--stack", "staging", "--connection", "Host=psql-kora-prod-brs.postgres.database.azure.com;Database=kora;Username=kora_admin");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("named like a prod server", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_is_a_usage_error_naming_the_variable()
    {
        var run = WithEnvironment("KORA_DB_CONNECTION", null, () => Kora.Run("db", "verify"));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("KORA_DB_CONNECTION", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("migrate")]
    [InlineData("seed", "--stack", "dev", "--seed", "1")]
    public void An_unreachable_server_is_named_as_such_in_one_line_without_the_password(params string[] command)
    {
        // Generated here: no credential-shaped value is ever committed, not even a fake one.
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        string[] migrations = command[0] == "migrate" ? ["--migrations", Path.Combine(Repository.Root, "db", "migrations")] : [];
        var run = Kora.Run(["db", .. command, .. migrations, "--connection", $"Host=127.0.0.1;Port=1;Database=kora;Username=u;Password={password};Timeout=2"]);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("the database server at 127.0.0.1:1/kora is unreachable", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("defect", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_does_not_resolve_is_unreachable_not_a_defect()
    {
        var run = Kora.Run("db", "migrate", "--migrations", Path.Combine(Repository.Root, "db", "migrations"), "--connection", "Host=kora-db.invalid;Database=kora;Username=u;Timeout=2");

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("the database server at kora-db.invalid:5432/kora is unreachable", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("defect", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_the_server_refuses_is_a_usage_mistake_not_an_outage()
    {
        var db = new Npgsql.NpgsqlConnectionStringBuilder(postgres.CreateDatabase(migrated: false)) { Username = "no_such_kora_role" };

        var run = Kora.Run("db", "migrate", "--migrations", postgres.MigrationsDirectory, "--connection", db.ConnectionString);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("refused the login", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("defect", run.All, StringComparison.Ordinal);
    }

    private static KoraRun WithEnvironment(string name, string? value, Func<KoraRun> run)
    {
        var before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, before);
        }
    }
}
