using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;
using static KoraInfra.TestSupport.TenantRows;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>
/// The isolation matrix, as the application role: select / insert / update / delete x own tenant /
/// other tenant / tenant unset / tenant forged in the written row. Another tenant's rows are never
/// visible or writable, and an unset tenant sees nothing. Every case also checks, as the
/// superuser, that tenant B's rows are exactly as before.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class IsolationMatrixTests(ThrowawayPostgres postgres)
{
    private const string App = DatabaseRoles.Application;

    [Fact]
    public void Select_own_tenant_sees_only_its_own_rows()
    {
        Check(db =>
        {
            Assert.Equal(2, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.contacts"));
            Assert.Equal(0, RoleSession.Scalar(db, App, A, $"SELECT count(*) FROM kora.contacts WHERE tenant_id <> '{A}'"));
            Assert.Equal(1, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.flow_executions"));
            Assert.Equal(1, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.tenants"));
        });
    }

    [Fact]
    public void Select_other_tenant_sees_nothing()
    {
        Check(db =>
        {
            Assert.Equal(0, RoleSession.Scalar(db, App, A, $"SELECT count(*) FROM kora.contacts WHERE tenant_id = '{B}'"));
            Assert.Equal(0, RoleSession.Scalar(db, App, A, $"SELECT count(*) FROM kora.flow_executions WHERE flow_id = '{FlowB}'"));
            Assert.Equal(0, RoleSession.Scalar(db, App, A, $"SELECT count(*) FROM kora.tenants WHERE id = '{B}'"));
        });
    }

    [Theory]
    [InlineData("kora.tenants")]
    [InlineData("kora.contacts")]
    [InlineData("kora.flows")]
    [InlineData("kora.flow_executions")]
    [InlineData("kora.flow_execution_daily")]
    public void Select_with_tenant_unset_sees_nothing(string relation)
    {
        Check(db => Assert.Equal(0, RoleSession.Scalar(db, App, null, $"SELECT count(*) FROM {relation}")));
    }

    [Fact]
    public void Select_with_a_forged_tenant_setting_fails_closed()
    {
        Check(db =>
        {
            // Not a tenant id at all (an injection attempt): the policy's cast fails, nothing is read.
            var ex = Assert.Throws<PostgresException>(() => RoleSession.Run(db, App, $"{A}' OR true --", (c, t) =>
            {
                using var command = new NpgsqlCommand("SELECT count(*) FROM kora.contacts", c, t);
                return command.ExecuteScalar();
            }));
            Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, ex.SqlState);

            // A well-formed id of no tenant: sees nothing.
            Assert.Equal(0, RoleSession.Scalar(db, App, Guid.NewGuid(), "SELECT count(*) FROM kora.contacts"));
        });
    }

    [Fact]
    public void Insert_own_tenant_is_allowed()
    {
        Check(db =>
        {
            Assert.Equal(1, RoleSession.NonQuery(db, App, A, $"INSERT INTO kora.contacts VALUES ('{A}', gen_random_uuid(), 'Novo', null, null, now())"));
            Assert.Equal(3, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.contacts"));
        });
    }

    [Fact]
    public void Insert_referencing_another_tenants_rows_is_refused()
    {
        Check(db =>
        {
            var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A,
                $"INSERT INTO kora.flow_executions VALUES ('{A}', gen_random_uuid(), gen_random_uuid(), '{ContactB}', '{FlowB}', 'queued', now())"));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
        });
    }

    [Fact]
    public void Insert_with_tenant_unset_is_refused()
    {
        Check(db =>
        {
            var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, null,
                $"INSERT INTO kora.contacts VALUES ('{B}', gen_random_uuid(), 'Sem tenant', null, null, now())"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        });
    }

    [Theory]
    [InlineData("INSERT INTO kora.contacts VALUES ('{B}', gen_random_uuid(), 'Forjado', null, null, now())")]
    [InlineData("INSERT INTO kora.flows VALUES ('{B}', gen_random_uuid(), 'forjado', 'draft', now())")]
    [InlineData("INSERT INTO kora.flow_executions VALUES ('{B}', gen_random_uuid(), gen_random_uuid(), '{ContactB}', '{FlowB}', 'queued', now())")]
    public void Insert_with_a_tenant_forged_in_the_row_is_refused(string sql)
    {
        Check(db =>
        {
            var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, Fill(sql)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
            Assert.Contains("row-level security", ex.MessageText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_application_cannot_register_tenants()
    {
        Check(db =>
        {
            var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, $"INSERT INTO kora.tenants (id, slug, display_name) VALUES ('{A}', 'again', 'A')"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        });
    }

    [Fact]
    public void Update_own_tenant_is_allowed()
    {
        Check(db => Assert.Equal(2, RoleSession.NonQuery(db, App, A, "UPDATE kora.contacts SET display_name = display_name || '!'")));
    }

    [Fact]
    public void Update_other_tenant_touches_nothing()
    {
        Check(db =>
        {
            Assert.Equal(0, RoleSession.NonQuery(db, App, A, $"UPDATE kora.contacts SET display_name = 'hacked' WHERE tenant_id = '{B}'"));
            Assert.Equal(0, RoleSession.NonQuery(db, App, A, $"UPDATE kora.flow_executions SET status = 'failed' WHERE flow_id = '{FlowB}'"));
        });
    }

    [Fact]
    public void Update_with_tenant_unset_touches_nothing()
    {
        Check(db => Assert.Equal(0, RoleSession.NonQuery(db, App, null, "UPDATE kora.contacts SET display_name = 'hacked'")));
    }

    [Fact]
    public void Update_moving_a_row_to_another_tenant_is_refused()
    {
        Check(db =>
        {
            var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, $"UPDATE kora.flows SET tenant_id = '{B}' WHERE id = '{FlowA}'"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        });
    }

    [Fact]
    public void Delete_own_tenant_is_allowed()
    {
        Check(db => Assert.Equal(1, RoleSession.NonQuery(db, App, A, "DELETE FROM kora.flow_executions")));
    }

    [Fact]
    public void Delete_other_tenant_touches_nothing()
    {
        Check(db => Assert.Equal(0, RoleSession.NonQuery(db, App, A, $"DELETE FROM kora.flow_executions WHERE tenant_id = '{B}'")));
    }

    [Fact]
    public void Delete_with_tenant_unset_touches_nothing()
    {
        Check(db => Assert.Equal(0, RoleSession.NonQuery(db, App, null, "DELETE FROM kora.flow_executions")));
    }

    [Fact]
    public void The_application_role_cannot_switch_rls_off_or_truncate()
    {
        Check(db =>
        {
            var off = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, "ALTER TABLE kora.contacts DISABLE ROW LEVEL SECURITY"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, off.SqlState);
            var truncate = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, "TRUNCATE kora.contacts CASCADE"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
        });
    }

    private static string Fill(string sql) => sql
        .Replace("{B}", B.ToString(), StringComparison.Ordinal)
        .Replace("{ContactB}", ContactB.ToString(), StringComparison.Ordinal)
        .Replace("{FlowB}", FlowB.ToString(), StringComparison.Ordinal);

    private void Check(Action<string> scenario)
    {
        var db = postgres.CreateDatabase();
        Insert(db);
        var before = FingerprintOfB(db);
        scenario(db);
        Assert.Equal(before, FingerprintOfB(db));
    }
}
