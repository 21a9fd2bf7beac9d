using Npgsql;

namespace KoraInfra.Platform.Database;

/// <summary>
/// The <c>app.tenant_id</c> contract: every transaction that touches tenant data first binds
/// itself to one tenant, transaction-locally (the equivalent of <c>SET LOCAL app.tenant_id</c>),
/// so a pooled connection never carries a tenant into the next transaction. Without it, every
/// policy matches no row.
/// </summary>
public static class TenantContext
{
    /// <summary>The setting the RLS policies read.</summary>
    public const string Setting = "app.tenant_id";

    /// <summary>
    /// Binds the open transaction to a tenant. <c>set_config(..., true)</c> is <c>SET LOCAL</c>
    /// with a bind parameter, so the tenant id is never spliced into SQL text.
    /// </summary>
    public static async Task BindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, true)", connection, transaction);
        command.Parameters.AddWithValue("tenant", tenantId.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The binding as the first command of an <see cref="NpgsqlBatch"/>, so that binding and the
    /// transaction's first statements travel in one round trip: a point lookup with the binding in
    /// its own round trip inside BEGIN ... COMMIT ran at half the throughput (docs/database.md). Outside an
    /// explicit transaction the whole batch is one implicit transaction, and the binding ends with
    /// it. Its result (one row, the tenant id) comes first; skip it with <c>NextResult</c>.
    /// </summary>
    public static NpgsqlBatchCommand BindingCommand(Guid tenantId)
    {
        var command = new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, true)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId.ToString() });
        return command;
    }
}
