using KoraInfra.Platform.Database;
using KoraInfra.Platform.Tests.Database;
using KoraInfra.TestSupport;
using Npgsql;
using static KoraInfra.TestSupport.TenantRows;

namespace KoraInfra.Platform.Tests.Response;

/// <summary>
/// Safe mode enforced by the tenant database (migrations V10-V12), checked as the roles that
/// would do it: the responder engages through its functions, the application role then cannot
/// start a flow execution for that tenant, other tenants can, and only a clearing with who and
/// why lets it start again.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class SafeModeDatabaseTests(ThrowawayPostgres postgres)
{
    private const string App = DatabaseRoles.Application;
    private const string Responder = "kora_responder";

    private static string StartExecution(Guid tenant, Guid contact, Guid flow) =>
        $"INSERT INTO kora.flow_executions VALUES ('{tenant}', gen_random_uuid(), gen_random_uuid(), '{contact}', '{flow}', 'queued', now())";

    private static bool Engage(string db, Guid tenant, string control = "safe_mode", string component = "") =>
        RoleSession.Run(db, Responder, null, (c, t) =>
        {
            using var command = new NpgsqlCommand("SELECT kora.engage_tenant_control(@t, @c, @k, 'responder', 'no-ack-15-min', 7)", c, t);
            command.Parameters.AddWithValue("t", tenant);
            command.Parameters.AddWithValue("c", control);
            command.Parameters.AddWithValue("k", component);
            return (bool)command.ExecuteScalar()!;
        });

    private static int Clear(string db, Guid tenant, string who, string why) =>
        RoleSession.Run(db, Responder, null, (c, t) =>
        {
            using var command = new NpgsqlCommand("SELECT kora.clear_tenant_control(@t, 'safe_mode', NULL, @w, @y)", c, t);
            command.Parameters.AddWithValue("t", tenant);
            command.Parameters.AddWithValue("w", who);
            command.Parameters.AddWithValue("y", why);
            return (int)command.ExecuteScalar()!;
        });

    private string Database()
    {
        var db = postgres.CreateDatabase();
        Insert(db);
        return db;
    }

    [Fact]
    public void In_safe_mode_the_app_role_cannot_start_a_flow_execution_for_that_tenant_while_other_tenants_can()
    {
        var db = Database();
        Assert.Equal(1, RoleSession.NonQuery(db, App, A, StartExecution(A, ContactA, FlowA)));

        Assert.True(Engage(db, A));

        var refused = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, StartExecution(A, ContactA, FlowA)));
        Assert.Equal("KS001", refused.SqlState);
        Assert.Contains($"tenant {A} is in safe mode", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, RoleSession.NonQuery(db, App, B, StartExecution(B, ContactB, FlowB)));

        // Moving an existing execution back to running is starting it too; finishing one is not.
        Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, "UPDATE kora.flow_executions SET status = 'running' WHERE status = 'succeeded'"));
        Assert.Equal(1, RoleSession.NonQuery(db, App, A, "UPDATE kora.flow_executions SET status = 'cancelled' WHERE status = 'queued'"));
    }

    [Fact]
    public void Engaging_twice_is_one_engagement_and_only_a_clearing_with_who_and_why_lifts_it()
    {
        var db = Database();
        Assert.True(Engage(db, A));
        Assert.False(Engage(db, A));
        Assert.Equal(1, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.tenant_controls WHERE control = 'safe_mode' AND cleared_at IS NULL"));

        Assert.Throws<PostgresException>(() => Clear(db, A, "ana", " "));
        Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, StartExecution(A, ContactA, FlowA)));

        Assert.Equal(1, Clear(db, A, "ana", "replay worker rolled back, backlog drained"));
        Assert.Equal(1, RoleSession.NonQuery(db, App, A, StartExecution(A, ContactA, FlowA)));
        Assert.Equal(1, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.tenant_controls WHERE cleared_by = 'ana'"));
    }

    [Theory]
    [InlineData("INSERT INTO kora.tenant_controls (tenant_id, control, engaged_at, engaged_by, reason) VALUES ('{A}', 'safe_mode', now(), 'x', 'y')")]
    [InlineData("UPDATE kora.tenant_controls SET cleared_at = now(), cleared_by = 'x', clear_reason = 'y'")]
    [InlineData("DELETE FROM kora.tenant_controls")]
    [InlineData("ALTER TABLE kora.flow_executions DISABLE TRIGGER refuse_start_in_safe_mode")]
    [InlineData("SELECT kora.clear_tenant_control('{A}', 'safe_mode', NULL, 'x', 'y')")]
    public void The_app_role_can_only_read_the_controls(string sql)
    {
        var db = Database();
        Assert.True(Engage(db, A));

        var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, sql.Replace("{A}", A.ToString(), StringComparison.Ordinal)));

        Assert.True(ex.SqlState is PostgresErrorCodes.InsufficientPrivilege, ex.SqlState + " " + ex.MessageText);
        Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, App, A, StartExecution(A, ContactA, FlowA)));
    }

    [Fact]
    public void The_app_role_reads_only_its_own_tenants_controls()
    {
        var db = Database();
        Assert.True(Engage(db, A));
        Assert.True(Engage(db, B, "component_off", "F-03"));

        Assert.Equal(1, RoleSession.Scalar(db, App, A, "SELECT count(*) FROM kora.tenant_controls"));
        Assert.Equal(1, RoleSession.Scalar(db, App, B, "SELECT count(*) FROM kora.tenant_controls WHERE control = 'component_off' AND component = 'F-03'"));
        Assert.Equal(0, RoleSession.Scalar(db, App, null, "SELECT count(*) FROM kora.tenant_controls"));
    }

    [Fact]
    public async Task The_responder_role_has_no_direct_privilege_on_tenant_tables_and_the_rls_check_stays_clean()
    {
        var db = Database();

        Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, Responder, A, "SELECT count(*) FROM kora.tenant_controls"));
        Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, Responder, A, StartExecution(A, ContactA, FlowA)));
        Assert.Empty(await RlsVerifier.VerifyAsync(db));
    }
}
