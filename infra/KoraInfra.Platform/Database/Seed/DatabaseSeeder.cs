using Npgsql;

namespace KoraInfra.Platform.Database.Seed;

/// <summary>
/// Loads a synthetic dataset in one transaction: the tenant tables are emptied first (the
/// deterministic reset), then each tenant's rows are written with the transaction bound to that
/// tenant, so the load goes through the same RLS policies the application does.
/// </summary>
public static class DatabaseSeeder
{
    /// <summary>Resets the tenant tables and loads the dataset; all or nothing.</summary>
    public static async Task SeedAsync(string connectionString, SyntheticDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var reset = new NpgsqlCommand("TRUNCATE kora.flow_executions, kora.flows, kora.contacts, kora.tenants", connection, transaction))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var tenant in dataset.Tenants)
        {
            await TenantContext.BindAsync(connection, transaction, tenant.Id, cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Command(
                "INSERT INTO kora.tenants (id, slug, display_name, created_at) VALUES ($1, $2, $3, $4)",
                tenant.Id, tenant.Slug, tenant.DisplayName, SyntheticDataGenerator.ReferenceDate));
            foreach (var c in dataset.Contacts.Where(x => x.TenantId == tenant.Id))
            {
                batch.BatchCommands.Add(Command(
                    "INSERT INTO kora.contacts (tenant_id, id, display_name, phone, email, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    c.TenantId, c.Id, c.DisplayName, c.Phone, c.Email, c.CreatedAt));
            }

            foreach (var f in dataset.Flows.Where(x => x.TenantId == tenant.Id))
            {
                batch.BatchCommands.Add(Command(
                    "INSERT INTO kora.flows (tenant_id, id, name, status, created_at) VALUES ($1, $2, $3, $4, $5)",
                    f.TenantId, f.Id, f.Name, f.Status, f.CreatedAt));
            }

            foreach (var e in dataset.FlowExecutions.Where(x => x.TenantId == tenant.Id))
            {
                batch.BatchCommands.Add(Command(
                    "INSERT INTO kora.flow_executions (tenant_id, id, correlation_id, contact_id, flow_id, status, ts) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    e.TenantId, e.Id, e.CorrelationId, e.ContactId, e.FlowId, e.Status, e.Ts));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
