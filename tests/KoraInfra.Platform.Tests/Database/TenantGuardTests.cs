using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>The database-level guard refuses, at commit, any tenant table left unprotected.</summary>
[Collection(UsesPostgres.Name)]
public sealed class TenantGuardTests(ThrowawayPostgres postgres)
{
    [Fact]
    public void A_table_with_a_tenant_column_but_no_rls_is_refused()
    {
        var db = postgres.CreateDatabase();
        var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, DatabaseRoles.Owner, null, "CREATE TABLE kora.sneaky (tenant_id uuid NOT NULL, note text)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains("kora.sneaky", ex.MessageText, StringComparison.Ordinal);
        Assert.Contains("not enabled", ex.MessageText, StringComparison.Ordinal);
        Assert.False(TableExists(db, "kora.sneaky"), "the refused table must not exist after the refusal");
    }

    [Fact]
    public void The_superuser_is_refused_too()
    {
        var db = postgres.CreateDatabase();
        var ex = Assert.Throws<PostgresException>(() => ThrowawayPostgres.ExecuteOn(db, "CREATE TABLE public.sneaky (tenant_id uuid)"));
        Assert.Contains("public.sneaky", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_and_protecting_in_one_transaction_is_accepted()
    {
        var db = postgres.CreateDatabase();
        RoleSession.NonQuery(db, DatabaseRoles.Owner, null, "CREATE TABLE kora.notes (tenant_id uuid NOT NULL, body text); SELECT kora_guard.protect_tenant_table('kora.notes');");
        Assert.True(TableExists(db, "kora.notes"));
        Assert.Equal(1, RoleSession.Scalar(db, DatabaseRoles.Owner, null, "SELECT count(*) FROM pg_indexes WHERE tablename = 'notes' AND indexdef LIKE '%(tenant_id)%'"));
    }

    [Fact]
    public void A_table_without_a_tenant_column_is_not_the_guards_concern()
    {
        var db = postgres.CreateDatabase();
        RoleSession.NonQuery(db, DatabaseRoles.Owner, null, "CREATE TABLE kora.country (code text PRIMARY KEY)");
        Assert.True(TableExists(db, "kora.country"));
    }

    [Theory]
    [InlineData("ALTER TABLE kora.contacts DISABLE ROW LEVEL SECURITY", "not enabled")]
    [InlineData("ALTER TABLE kora.contacts NO FORCE ROW LEVEL SECURITY", "not forced")]
    [InlineData("DROP POLICY tenant_isolation ON kora.flows", "no policy")]
    [InlineData("DROP POLICY tenant_isolation ON kora.flows; CREATE POLICY loose ON kora.flows USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)", "no WITH CHECK")]
    [InlineData("CREATE TABLE kora.country (code text); ALTER TABLE kora.country ADD COLUMN tenant_id uuid", "not enabled")]
    public async Task Weakening_a_protected_table_is_refused(string sql, string reason)
    {
        var db = postgres.CreateDatabase();
        var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, DatabaseRoles.Owner, null, sql));
        Assert.Contains(reason, ex.MessageText, StringComparison.Ordinal);
        Assert.Empty(await RlsVerifier.VerifyAsync(db));
    }

    private static bool TableExists(string db, string name)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT to_regclass(@n) IS NOT NULL", connection);
        command.Parameters.AddWithValue("n", name);
        return (bool)command.ExecuteScalar()!;
    }
}
