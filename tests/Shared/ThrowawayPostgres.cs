using System.Diagnostics;
using KoraInfra.Platform.Database;
using Npgsql;

namespace KoraInfra.TestSupport;

/// <summary>
/// A real PostgreSQL 15 for the tests: scripts/db/test-postgres.sh starts a throwaway cluster on a
/// free loopback port, and it is stopped and deleted when the tests end. The repository's
/// migrations are applied once to a template database; each test gets its own copy of it
/// (<c>CREATE DATABASE ... TEMPLATE</c>), so tests never see each other's rows. Roles are
/// cluster-wide: tests that change a role run in the same (serial) collection.
/// </summary>
public class ThrowawayPostgres : IDisposable
{
    private const string Template = "kora_template";
    private static int _databaseCounter;
    private readonly string _clusterDirectory;

    /// <summary>Starts the cluster and prepares the migrated template.</summary>
    public ThrowawayPostgres()
        : this(passwordAuthentication: false, archive: false)
    {
    }

    /// <summary>
    /// Starts the cluster, where every login but the bootstrap superuser needs its password when
    /// <paramref name="passwordAuthentication"/>, and WAL is archived when <paramref name="archive"/>.
    /// </summary>
    protected ThrowawayPostgres(bool passwordAuthentication, bool archive = false)
    {
        RepositoryRoot = FindRepositoryRoot();
        var script = Path.Combine(RepositoryRoot, "scripts", "db", "test-postgres.sh");
        var options = new List<string> { "start" };
        if (archive)
        {
            options.Add("--archive");
        }

        if (passwordAuthentication)
        {
            options.Add("--password-auth");
        }

        var (code, output, error) = RunScript(script, [.. options]);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"could not start the throwaway PostgreSQL (scripts/db/test-postgres.sh exited {code}): {error.Trim()}" +
                " -- the database tests need the Debian package postgresql-15 (scripts/ci/install-database.sh installs it)");
        }

        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        Port = int.Parse(values["PGPORT"], System.Globalization.CultureInfo.InvariantCulture);
        _clusterDirectory = values["PGDIR"];
        ArchiveDirectory = values.GetValueOrDefault("PGARCHIVE");

        try
        {
            Execute("postgres", $"CREATE DATABASE {Template} TEMPLATE template0");
            SchemaMigrator.Migrate(ConnectionString(Template), MigrationsDirectory);
        }
        catch
        {
            // A fixture whose constructor throws is never disposed: stop the cluster here.
            NpgsqlConnection.ClearAllPools();
            RunScript(script, "stop", _clusterDirectory);
            throw;
        }
    }

    /// <summary>The repository root (holding Pulumi.yaml and KoraInfra.sln).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The committed migrations.</summary>
    public string MigrationsDirectory => Path.Combine(RepositoryRoot, "db", "migrations");

    /// <summary>A cluster that archives its WAL to <see cref="ArchiveDirectory"/> (the restore drill's source).</summary>
    public static ThrowawayPostgres Archiving() => new(passwordAuthentication: false, archive: true);

    /// <summary>Where the cluster archives its WAL, when started with archiving.</summary>
    public string? ArchiveDirectory { get; }

    /// <summary>The directory of the cluster (the drill's scratch space goes beside it).</summary>
    public string ClusterDirectory => _clusterDirectory;

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string for the bootstrap superuser (trust auth: no password exists).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = false,
            Timeout = 30,
        }.ConnectionString;

    /// <summary>A fresh database: a copy of the migrated template, or empty when <paramref name="migrated"/> is false.</summary>
    public string CreateDatabase(bool migrated = true)
    {
        var name = $"kora_test_{Interlocked.Increment(ref _databaseCounter)}_{Environment.ProcessId}";
        Execute("postgres", $"CREATE DATABASE {name} TEMPLATE {(migrated ? Template : "template0")}");
        return ConnectionString(name);
    }

    /// <summary>Runs SQL as the superuser in a database.</summary>
    public void Execute(string database, string sql) => ExecuteOn(ConnectionString(database), sql);

    /// <summary>Runs SQL on a connection string.</summary>
    public static void ExecuteOn(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the cluster and deletes it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        NpgsqlConnection.ClearAllPools();
        RunScript(Path.Combine(RepositoryRoot, "scripts", "db", "test-postgres.sh"), "stop", _clusterDirectory);
    }

    private static (int Code, string Output, string Error) RunScript(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish within 90 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(dir.FullName, "KoraInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no Pulumi.yaml + KoraInfra.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>All tests on the throwaway server share it and run one at a time (roles are cluster-wide).</summary>
[CollectionDefinition(Name)]
public sealed class UsesPostgres : ICollectionFixture<ThrowawayPostgres>
{
    /// <summary>The collection name.</summary>
    public const string Name = "postgres";
}

/// <summary>A throwaway server that checks passwords (scram-sha-256) for every login but the bootstrap superuser.</summary>
public sealed class PasswordPostgres : ThrowawayPostgres
{
    /// <summary>Starts the cluster and prepares the migrated template.</summary>
    public PasswordPostgres()
        : base(passwordAuthentication: true)
    {
    }
}

/// <summary>The tests that log in with passwords share the password-checking server, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class UsesPasswordPostgres : ICollectionFixture<PasswordPostgres>
{
    /// <summary>The collection name.</summary>
    public const string Name = "postgres-passwords";
}
