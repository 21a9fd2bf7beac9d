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

    /// <summary>
    /// Runs database work, telling an unreachable server (exit 69), a refused login or a missing
    /// database or schema (usage, exit 2) apart; only what is none of these reaches the caller.
    /// </summary>
    public static T Reach<T>(string connectionString, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (Exception ex) when (Classify(connectionString, ex) is { } known)
        {
            throw known;
        }
    }

    // Evolve and the migrator wrap Npgsql's exceptions; the cause decides, wherever it sits in the chain.
    private static Exception? Classify(string connectionString, Exception ex)
    {
        var where = Describe(connectionString);
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName:
                    return new UsageException($"the database at {where} has no KoraOS schema ({pg.MessageText}); run 'kora db migrate' first", ex);
                case PostgresException pg when pg.SqlState.StartsWith("28", StringComparison.Ordinal):
                    return new UsageException($"the database server at {where} refused the login ({pg.MessageText}); check the user name and password in the connection string", ex);
                case PostgresException pg when pg.SqlState == PostgresErrorCodes.InvalidCatalogName:
                    return new UsageException($"the database server at {where} has no such database ({pg.MessageText}); check Database= in the connection string", ex);
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return new DependencyUnavailableException($"the database server at {where} is unavailable ({pg.MessageText}); retry when it is back", ex);
                case PostgresException:
                    return null;
                case NpgsqlException npgsql:
                    return new DependencyUnavailableException($"the database server at {where} is unreachable ({Innermost(npgsql)}); check Host= and Port= and that the server is up and reachable from here", ex);
                case System.Net.Sockets.SocketException or TimeoutException:
                    return new DependencyUnavailableException($"the database server at {where} is unreachable ({e.Message}); check Host= and Port= and that the server is up and reachable from here", ex);
            }
        }

        return null;
    }

    private static string Innermost(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message.Trim().TrimEnd('.'));
        }

        return string.Join(": ", messages.Distinct());
    }
}
