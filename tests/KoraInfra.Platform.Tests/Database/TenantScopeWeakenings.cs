using KoraInfra.Platform.Database;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>
/// DDL that weakens the tenant scope, each with what the guard must say at commit and what
/// <c>kora db verify</c> must find on a database where it slipped past the guard. One list, so the
/// guard and the verifier are held to the same findings.
/// </summary>
internal static class TenantScopeWeakenings
{
    private const string Predicate = TenantPolicy.PredicateSource;
    private const string Owner = DatabaseRoles.Owner;
    private const string Superuser = "postgres";

    /// <summary>role to run as, the DDL, the weakness, its subject, and a phrase of the guard's refusal.</summary>
    public static TheoryData<string, string, RlsWeakness, string, string> All => new()
    {
        // The tenant registry, keyed by id and referenced by every tenant_id foreign key.
        { Owner, "ALTER TABLE kora.tenants NO FORCE ROW LEVEL SECURITY", RlsWeakness.RlsNotForced, "kora.tenants", "not forced" },
        { Owner, "ALTER TABLE kora.tenants DISABLE ROW LEVEL SECURITY", RlsWeakness.RlsNotEnabled, "kora.tenants", "not enabled" },
        { Owner, "DROP POLICY tenant_isolation ON kora.tenants", RlsWeakness.NoPolicy, "kora.tenants", "no policy" },
        { Owner, "CREATE POLICY everyone ON kora.tenants USING (true)", RlsWeakness.PolicyNotTenantPredicate, "kora.tenants policy everyone", "USING is true" },
        { Owner, "ALTER POLICY tenant_isolation ON kora.tenants WITH CHECK (true)", RlsWeakness.PolicyNotTenantPredicate, "kora.tenants policy tenant_isolation", "WITH CHECK is true" },

        // What the policies of a tenant table say.
        { Owner, "CREATE POLICY everyone ON kora.flows USING (true) WITH CHECK (true)", RlsWeakness.PolicyNotTenantPredicate, "kora.flows policy everyone", "USING is true" },
        { Owner, "ALTER POLICY tenant_isolation ON kora.contacts USING (true)", RlsWeakness.PolicyNotTenantPredicate, "kora.contacts policy tenant_isolation", "USING is true" },
        {
            // The V2 predicate: right tenant, but read per row where it is a filter (V7 made it once per statement).
            Owner, "ALTER POLICY tenant_isolation ON kora.contacts USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)",
            RlsWeakness.PolicyNotTenantPredicate, "kora.contacts policy tenant_isolation", "USING is (tenant_id = (NULLIF("
        },
        {
            Owner, "ALTER POLICY tenant_isolation ON kora.flows USING (tenant_id = current_setting('app.tenant_id')::uuid)",
            RlsWeakness.PolicyNotTenantPredicate, "kora.flows policy tenant_isolation", "expected (tenant_id = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid AS current_tenant))"
        },
        {
            Owner, $"CREATE POLICY copy ON kora.flow_executions USING ({Predicate}) WITH CHECK ({Predicate})",
            RlsWeakness.ExtraPermissivePolicy, "kora.flow_executions policy copy", "extra PERMISSIVE policy"
        },
        {
            Owner, $"CREATE POLICY reporting ON kora.contacts FOR SELECT TO kora_reporting USING ({Predicate})",
            RlsWeakness.PolicyNotTenantPredicate, "kora.contacts policy reporting", "FOR SELECT only"
        },
        {
            Owner, $"CREATE POLICY app_only ON kora.contacts TO kora_app USING ({Predicate}) WITH CHECK ({Predicate})",
            RlsWeakness.PolicyNotTenantPredicate, "kora.contacts policy app_only", "chosen roles only"
        },

        // Where tenant tables live, and new tables of every tenant-scoped kind.
        { Superuser, "ALTER TABLE kora.contacts SET SCHEMA public", RlsWeakness.TableOutsideTenantSchema, "public.contacts", "lives in schema public" },
        {
            Superuser, "CREATE SCHEMA side; CREATE TABLE side.notes (tenant_id uuid NOT NULL); SELECT kora_guard.protect_tenant_table('side.notes')",
            RlsWeakness.TableOutsideTenantSchema, "side.notes", "lives in schema side"
        },
        {
            Owner, "CREATE TABLE kora.plans (id uuid PRIMARY KEY); CREATE TABLE kora.plan_usage (tenant_id uuid NOT NULL REFERENCES kora.plans (id)); SELECT kora_guard.protect_tenant_table('kora.plan_usage')",
            RlsWeakness.RlsNotEnabled, "kora.plans", "not enabled"
        },
        {
            Owner, "CREATE TABLE kora.odd (org uuid); ALTER TABLE kora.odd ENABLE ROW LEVEL SECURITY; ALTER TABLE kora.odd FORCE ROW LEVEL SECURITY; CREATE POLICY mine ON kora.odd USING (org = nullif(current_setting('app.tenant_id', true), '')::uuid)",
            RlsWeakness.NoTenantKey, "kora.odd", "no tenant_id column"
        },
        {
            Owner, "CREATE TABLE kora.events (tenant_id uuid NOT NULL, day int) PARTITION BY LIST (day); SELECT kora_guard.protect_tenant_table('kora.events'); CREATE TABLE kora.events_1 PARTITION OF kora.events FOR VALUES IN (1)",
            RlsWeakness.RlsNotEnabled, "kora.events_1", "not enabled"
        },
    };
}
