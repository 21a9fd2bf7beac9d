using Npgsql;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>
/// Runs SQL as one of the database roles (SET LOCAL ROLE from the superuser login, so RLS is
/// evaluated for that role exactly as for its own login), optionally bound to a tenant the way the
/// application binds it.
/// </summary>
internal static class RoleSession
{
    public static T Run<T>(string connectionString, string role, string? tenantSetting, Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var setRole = new NpgsqlCommand($"SET LOCAL ROLE {role}", connection, transaction))
        {
            setRole.ExecuteNonQuery();
        }

        if (tenantSetting is not null)
        {
            using var bind = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", connection, transaction);
            bind.Parameters.AddWithValue("t", tenantSetting);
            bind.ExecuteNonQuery();
        }

        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    public static long Scalar(string connectionString, string role, Guid? tenant, string sql) =>
        Run(connectionString, role, tenant?.ToString(), (c, t) =>
        {
            using var command = new NpgsqlCommand(sql, c, t);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });

    public static int NonQuery(string connectionString, string role, Guid? tenant, string sql) =>
        Run(connectionString, role, tenant?.ToString(), (c, t) =>
        {
            using var command = new NpgsqlCommand(sql, c, t);
            return command.ExecuteNonQuery();
        });
}
