using EvolveDb;
using EvolveDb.Configuration;
using EvolveDb.Dialect;
using Npgsql;

namespace KoraInfra.Platform.Database;

/// <summary>
/// Applies the forward-only SQL migrations in <c>db/migrations</c> with Evolve, which brings the
/// three guarantees a schema needs: each applied file's checksum is recorded and an edited applied
/// file is refused before anything runs; a session-level advisory lock
/// (<c>pg_try_advisory_lock</c>, retried until free) keeps two runners from interleaving; and each
/// file runs in its own transaction, so a failed file leaves no half-applied change.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The Evolve changelog table (in <c>public</c>, owned by the migration login).</summary>
    public const string ChangelogTable = "kora_schema_changelog";

    /// <summary>Applies every pending migration; a second run applies nothing.</summary>
    /// <param name="connectionString">A login allowed to create roles and event triggers (the server admin).</param>
    /// <param name="migrationsDirectory">The directory holding <c>V&lt;n&gt;__&lt;name&gt;.sql</c> files.</param>
    /// <param name="log">Receives Evolve's progress lines.</param>
    /// <param name="changelogTable">The changelog table: another set of migrations in the same database (the responder's) keeps its own.</param>
    public static MigrationResult Migrate(string connectionString, string migrationsDirectory, Action<string>? log = null, string changelogTable = ChangelogTable)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        if (!Directory.Exists(migrationsDirectory))
        {
            throw new MigrationRefusedException($"migrations directory '{migrationsDirectory}' does not exist; expected the repository's db/migrations");
        }

        using var connection = new NpgsqlConnection(connectionString);
        var evolve = new Evolve(connection, log ?? (_ => { }), DBMS.PostgreSQL)
        {
            Locations = [migrationsDirectory],
            Command = CommandOptions.Migrate,
            Schemas = ["public"],
            MetadataTableSchema = "public",
            MetadataTableName = changelogTable,

            // A schema is never dropped by a tool, and a checksum mismatch is a refusal, not a reset.
            IsEraseDisabled = true,
            MustEraseOnValidationError = false,
            OutOfOrder = false,
            EnableClusterMode = true,
            TransactionMode = TransactionKind.CommitEach,

            // Migrations are plain SQL; ${...} must never be rewritten inside them.
            Placeholders = new Dictionary<string, string>(),
            PlaceholderPrefix = "${kora:",
            CommandTimeout = 300,
        };

        try
        {
            evolve.Migrate();
        }
        catch (EvolveValidationException ex)
        {
            throw new MigrationRefusedException(
                $"refused: {ex.Message.TrimEnd('.')}. An applied migration must never change; write a new migration (expand/contract) instead.", ex);
        }
        catch (EvolveException ex)
        {
            throw new MigrationRefusedException($"migration failed, nothing of the failing file was applied: {Describe(ex)}", ex);
        }

        return new MigrationResult(evolve.AppliedMigrations.ToList());
    }

    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message.Trim());
        }

        return string.Join(" -> ", messages.Distinct());
    }
}
