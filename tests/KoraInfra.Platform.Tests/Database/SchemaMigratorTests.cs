using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>Migrations through Evolve: idempotent, checksummed, serialised by an advisory lock.</summary>
[Collection(UsesPostgres.Name)]
public sealed class SchemaMigratorTests(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task Migrating_an_empty_database_applies_every_file_in_order_and_a_second_run_is_a_no_op()
    {
        var db = postgres.CreateDatabase(migrated: false);
        var files = Directory.GetFiles(postgres.MigrationsDirectory, "V*.sql").Select(f => Path.GetFileName(f)!)
            .OrderBy(f => int.Parse(f[1..f.IndexOf("__", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)) // V10 runs after V9
            .ToList();

        var first = SchemaMigrator.Migrate(db, postgres.MigrationsDirectory);
        Assert.Equal(files, first.Applied);
        var changelog = ChangelogRows(db);

        var second = SchemaMigrator.Migrate(db, postgres.MigrationsDirectory);
        Assert.Empty(second.Applied);
        Assert.Equal(changelog, ChangelogRows(db));
        Assert.Empty(await RlsVerifier.VerifyAsync(db));
    }

    [Fact]
    public async Task Migrating_takes_powers_over_rls_away_from_a_pre_existing_application_role()
    {
        // Roles outlive databases: a kora_app left with BYPASSRLS on the server is repaired by V1.
        var db = postgres.CreateDatabase(migrated: false);
        ThrowawayPostgres.ExecuteOn(db, "ALTER ROLE kora_app BYPASSRLS");
        try
        {
            SchemaMigrator.Migrate(db, postgres.MigrationsDirectory);
            Assert.Empty(await RlsVerifier.VerifyAsync(db));
        }
        finally
        {
            ThrowawayPostgres.ExecuteOn(db, "ALTER ROLE kora_app NOBYPASSRLS");
        }
    }

    [Fact]
    public void An_edited_applied_migration_is_refused_and_nothing_new_is_applied()
    {
        var db = postgres.CreateDatabase(migrated: false);
        var dir = CopyOfMigrations();
        SchemaMigrator.Migrate(db, dir);
        var before = ChangelogRows(db);

        File.AppendAllText(Path.Combine(dir, "V4__tenant_tables.sql"), "\n-- a quiet edit after the fact\n");
        File.WriteAllText(Path.Combine(dir, "V6__later.sql"), "CREATE TABLE public.later (id int);");

        var ex = Assert.Throws<MigrationRefusedException>(() => SchemaMigrator.Migrate(db, dir));
        Assert.Contains("checksum", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("V4", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, ChangelogRows(db));
        Assert.False(Exists(db, "public.later"), "nothing may be applied after a refusal");
    }

    [Fact]
    public async Task Two_concurrent_runners_do_not_interleave()
    {
        var db = postgres.CreateDatabase(migrated: false);
        var dir = Directory.CreateTempSubdirectory("kora-migrations-").FullName;

        // Each file takes a second and would fail if run twice: without the lock the runners would overlap.
        File.WriteAllText(Path.Combine(dir, "V1__trace.sql"), """
            CREATE TABLE public.trace (version int PRIMARY KEY, pid int, started timestamptz, finished timestamptz);
            INSERT INTO public.trace SELECT 1, pg_backend_pid(), clock_timestamp(), clock_timestamp() FROM pg_sleep(1);
            UPDATE public.trace SET finished = clock_timestamp() WHERE version = 1;
            """);
        File.WriteAllText(Path.Combine(dir, "V2__second.sql"), """
            INSERT INTO public.trace SELECT 2, pg_backend_pid(), clock_timestamp(), clock_timestamp() FROM pg_sleep(1);
            UPDATE public.trace SET finished = clock_timestamp() WHERE version = 2;
            """);

        using var start = new Barrier(2);
        var runners = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return SchemaMigrator.Migrate(db, dir);
        })).ToArray();
        var results = await Task.WhenAll(runners).WaitAsync(TimeSpan.FromSeconds(60));

        // Every file was applied exactly once, by one runner, the other found nothing left to do.
        Assert.Equal(2, results.Sum(r => r.Applied.Count));
        Assert.Contains(results, r => r.Applied.Count == 0);
        Assert.Equal(2L, Scalar(db, "SELECT count(*) FROM public.trace"));
        Assert.Equal(2L, Scalar(db, $"SELECT count(*) FROM public.{SchemaMigrator.ChangelogTable} WHERE success AND version IS NOT NULL AND version <> '0'"));
    }

    private string CopyOfMigrations() => CopyOf(postgres.MigrationsDirectory);

    private static string CopyOf(string source)
    {
        var dir = Directory.CreateTempSubdirectory("kora-migrations-").FullName;
        foreach (var file in Directory.GetFiles(source, "*.sql"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }

    private static string ChangelogRows(string db)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT string_agg(concat_ws(',', id, version, name, checksum, success), ';' ORDER BY id) FROM public.{SchemaMigrator.ChangelogTable}", connection);
        return (string)command.ExecuteScalar()!;
    }

    private static bool Exists(string db, string name) => Scalar(db, $"SELECT count(*) FROM (SELECT to_regclass('{name}') r) x WHERE r IS NOT NULL") == 1;

    private static long Scalar(string db, string sql)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
