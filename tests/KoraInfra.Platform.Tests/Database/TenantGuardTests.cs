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

    [Theory]
    [MemberData(nameof(TenantScopeWeakenings.All), MemberType = typeof(TenantScopeWeakenings))]
    public async Task Weakening_the_tenant_scope_is_refused_naming_the_table_and_policy(string role, string sql, RlsWeakness weakness, string subject, string reason)
    {
        _ = weakness;
        var db = postgres.CreateDatabase();
        var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, role, null, sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains($"table {subject} ", ex.MessageText, StringComparison.Ordinal);
        Assert.Contains(reason, ex.MessageText, StringComparison.Ordinal);
        var findings = await RlsVerifier.VerifyAsync(db);
        Assert.True(findings.Count == 0, "nothing of the refused transaction may remain: " + string.Join("; ", findings));
    }

    [Fact]
    public void Every_finding_of_one_commit_is_reported_at_once()
    {
        var db = postgres.CreateDatabase();
        var ex = Assert.Throws<PostgresException>(() => RoleSession.NonQuery(db, DatabaseRoles.Owner, null,
            "ALTER TABLE kora.tenants NO FORCE ROW LEVEL SECURITY; CREATE POLICY everyone ON kora.flows USING (true) WITH CHECK (true)"));
        Assert.Contains("table kora.tenants is tenant-scoped but row level security is not forced", ex.MessageText, StringComparison.Ordinal);
        Assert.Contains("table kora.flows policy everyone is PERMISSIVE", ex.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE POLICY not_archived ON kora.flows AS RESTRICTIVE USING (status <> 'archived')")]
    [InlineData("CREATE TABLE kora.plans (id uuid PRIMARY KEY); CREATE TABLE kora.plan_usage (tenant_id uuid NOT NULL REFERENCES kora.plans (id)); SELECT kora_guard.protect_tenant_table('kora.plan_usage'); "
        + "ALTER TABLE kora.plans ENABLE ROW LEVEL SECURITY; ALTER TABLE kora.plans FORCE ROW LEVEL SECURITY; "
        + "CREATE POLICY tenant_isolation ON kora.plans USING (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS current_tenant)) "
        + "WITH CHECK (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS current_tenant))")]
    [InlineData("ALTER TABLE kora.flows RENAME TO automations")]
    public async Task Changes_that_keep_the_tenant_scope_whole_are_accepted(string sql)
    {
        // A RESTRICTIVE policy only narrows access; a registry-like table protected on its key,
        // and a rename within schema kora, keep every table protected.
        var db = postgres.CreateDatabase();
        RoleSession.NonQuery(db, DatabaseRoles.Owner, null, sql);
        var findings = await RlsVerifier.VerifyAsync(db);
        Assert.True(findings.Count == 0, string.Join("; ", findings));
    }

    [Fact]
    public void The_guard_and_the_verifier_expect_the_same_predicate()
    {
        var db = postgres.CreateDatabase();
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT kora_guard.tenant_predicate('tenant_id') = format(@template, 'tenant_id'::name), kora_guard.tenant_predicate('tenant_id')", connection);
        command.Parameters.AddWithValue("template", TenantPolicy.PredicateTemplate);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0), $"the guard expects {reader.GetString(1)}, the verifier {TenantPolicy.PredicateTemplate}");
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
