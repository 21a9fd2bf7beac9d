using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;
using static KoraInfra.TestSupport.TenantRows;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>FORCE binds the owner too; the application role owns nothing and has no bypass.</summary>
[Collection(UsesPostgres.Name)]
public sealed class OwnerAndForceTests(ThrowawayPostgres postgres)
{
    [Fact]
    public void The_owner_is_bound_by_the_tenant_policies_because_rls_is_forced()
    {
        var db = postgres.CreateDatabase();
        Insert(db);

        Assert.Equal(0, RoleSession.Scalar(db, DatabaseRoles.Owner, null, "SELECT count(*) FROM kora.contacts"));
        Assert.Equal(2, RoleSession.Scalar(db, DatabaseRoles.Owner, A, "SELECT count(*) FROM kora.contacts"));
        var forged = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, DatabaseRoles.Owner, A,
            $"INSERT INTO kora.flows VALUES ('{B}', gen_random_uuid(), 'forjado', 'draft', now())"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, forged.SqlState);
    }

    [Fact]
    public void Without_force_the_owner_would_see_every_tenant()
    {
        // The counterfactual that makes FORCE necessary: injected past the guard (only a superuser can).
        var db = postgres.CreateDatabase();
        Insert(db);
        ThrowawayPostgres.ExecuteOn(db, "SET session_replication_role = replica; ALTER TABLE kora.contacts NO FORCE ROW LEVEL SECURITY;");

        Assert.Equal(4, RoleSession.Scalar(db, DatabaseRoles.Owner, null, "SELECT count(*) FROM kora.contacts"));
        Assert.Equal(0, RoleSession.Scalar(db, DatabaseRoles.Application, null, "SELECT count(*) FROM kora.contacts"));
    }

    [Fact]
    public void The_application_role_has_no_bypass_and_owns_nothing()
    {
        var db = postgres.CreateDatabase();
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = 'kora_app'
            """, connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "role kora_app exists");
        Assert.False(reader.GetBoolean(0), "NOSUPERUSER");
        Assert.False(reader.GetBoolean(1), "NOBYPASSRLS");
        Assert.False(reader.GetBoolean(2), "NOCREATEROLE");
        Assert.False(reader.GetBoolean(3), "NOCREATEDB");
        Assert.Equal(0L, reader.GetInt64(4));
    }

    [Fact]
    public void Every_kora_object_belongs_to_the_owner_role()
    {
        var db = postgres.CreateDatabase();
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT string_agg(c.relname || ':' || pg_get_userbyid(c.relowner), ',') FROM pg_class c WHERE c.relnamespace = 'kora'::regnamespace AND pg_get_userbyid(c.relowner) <> 'kora_owner'",
            connection);
        Assert.True(command.ExecuteScalar() is DBNull, $"objects not owned by kora_owner: {command.ExecuteScalar()}");
    }

    [Fact]
    public void The_reporting_role_reads_one_tenant_and_cannot_write()
    {
        var db = postgres.CreateDatabase();
        Insert(db);
        Assert.Equal(1, RoleSession.Scalar(db, DatabaseRoles.Reporting, A, "SELECT sum(executions) FROM kora.flow_execution_daily"));
        var write = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, DatabaseRoles.Reporting, A, "DELETE FROM kora.contacts"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, write.SqlState);
    }
}
