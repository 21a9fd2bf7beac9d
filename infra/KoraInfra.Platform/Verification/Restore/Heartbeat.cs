using Npgsql;

namespace KoraInfra.Platform.Verification.Restore;

/// <summary>
/// The row a writer adds at a fixed interval (every 30 s in the product; every second in the
/// tests), so a restore's data loss can be measured: the newest heartbeat the restored server
/// holds, against the point it was restored to. It carries no tenant data, so no RLS applies.
/// </summary>
public static class Heartbeat
{
    /// <summary>How often the product writes it.</summary>
    public static readonly TimeSpan ProductInterval = TimeSpan.FromSeconds(30);

    /// <summary>Creates the table when it is missing.</summary>
    public const string CreateSql = "CREATE SCHEMA IF NOT EXISTS kora_drill; CREATE TABLE IF NOT EXISTS kora_drill.heartbeat (at timestamptz PRIMARY KEY DEFAULT clock_timestamp())";

    /// <summary>Writes one heartbeat.</summary>
    public static async Task WriteAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("INSERT INTO kora_drill.heartbeat DEFAULT VALUES", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest heartbeat at or before <paramref name="notAfter"/>, if any.</summary>
    public static async Task<DateTimeOffset?> NewestAsync(string connectionString, DateTimeOffset? notAfter, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT max(at) FROM kora_drill.heartbeat WHERE $1::timestamptz IS NULL OR at <= $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = notAfter is { } n ? n.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }
}
