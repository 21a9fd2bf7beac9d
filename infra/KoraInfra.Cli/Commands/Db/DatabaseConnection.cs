using System.CommandLine;
using Npgsql;

namespace KoraInfra.Cli.Commands.Db;

/// <summary>
/// Where the database commands connect: <c>--connection</c>, else the <c>KORA_DB_CONNECTION</c>
/// environment variable (how the migration Job and pipelines pass it, from a secret). A
/// connection string is never read from a file in the repository.
/// </summary>
internal static class DatabaseConnection
{
    public const string EnvironmentVariable = "KORA_DB_CONNECTION";

    public static Option<string?> Option() => new("--connection")
    {
        Description = $"Npgsql connection string (default: the {EnvironmentVariable} environment variable). Prefer the variable: a password on a command line is visible to other processes.",
    };

    public static string Resolve(string? given)
    {
        var value = given ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException($"no database to connect to: pass --connection or set {EnvironmentVariable}");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"the connection string is malformed ({ex.Message}); expected e.g. 'Host=...;Database=kora;Username=...'");
        }

        return value;
    }

    /// <summary>Where a connection string points, without its password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Runs database work, turning an unreachable server into one clear line.</summary>
    public static T Reach<T>(string connectionString, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            throw new UsageException($"the database at {Describe(connectionString)} has no KoraOS schema ({ex.MessageText}); run 'kora db migrate' first");
        }
        catch (NpgsqlException ex) when (ex is not PostgresException || IsConnectionProblem((PostgresException)ex))
        {
            throw new UsageException($"cannot use the database at {Describe(connectionString)}: {ex.Message}");
        }
    }

    private static bool IsConnectionProblem(PostgresException ex) =>
        ex.SqlState.StartsWith("08", StringComparison.Ordinal) || ex.SqlState.StartsWith("28", StringComparison.Ordinal) || ex.SqlState == PostgresErrorCodes.InvalidCatalogName;
}
