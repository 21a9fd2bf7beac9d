using KoraInfra.Platform.Database;
using KoraInfra.TestSupport;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>
/// <c>verify</c> passes on the migrated baseline and finds each injected weakness. Weaknesses
/// are injected past the guard with <c>session_replication_role = replica</c> (which silences
/// event and constraint triggers, and only a superuser may set): exactly the drift verify exists
/// to catch.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class RlsVerifierTests(ThrowawayPostgres postgres)
{
    public static TheoryData<string, RlsWeakness, string> Weaknesses => new()
    {
        { "CREATE TABLE kora.leaky (tenant_id uuid)", RlsWeakness.RlsNotEnabled, "kora.leaky" },
        { "ALTER TABLE kora.flows NO FORCE ROW LEVEL SECURITY", RlsWeakness.RlsNotForced, "kora.flows" },
        { "DROP POLICY tenant_isolation ON kora.flows", RlsWeakness.NoPolicy, "kora.flows" },
        {
            "DROP POLICY tenant_isolation ON kora.contacts; CREATE POLICY tenant_isolation ON kora.contacts USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)",
            RlsWeakness.PolicyWithoutWithCheck,
            "kora.contacts policy tenant_isolation"
        },
        { "CREATE POLICY everyone ON kora.flows USING (true) WITH CHECK (true)", RlsWeakness.PolicyNotKeyedOnTenant, "kora.flows policy everyone" },
        { "ALTER TABLE kora.flow_executions OWNER TO kora_app", RlsWeakness.OwnedByApplication, "kora.flow_executions" },
        { "CREATE VIEW kora.contact_names AS SELECT tenant_id, display_name FROM kora.contacts", RlsWeakness.ViewWithoutSecurityInvoker, "kora.contact_names" },
        { "ALTER VIEW kora.flow_execution_daily RESET (security_invoker)", RlsWeakness.ViewWithoutSecurityInvoker, "kora.flow_execution_daily" },
        { "ALTER EVENT TRIGGER kora_guard_tenant_tables DISABLE", RlsWeakness.GuardMissing, "event trigger kora_guard_tenant_tables" },
        { "DROP EVENT TRIGGER kora_guard_dropped_policies", RlsWeakness.GuardMissing, "event trigger kora_guard_dropped_policies" },
    };

    [Fact]
    public async Task The_migrated_baseline_is_clean()
    {
        var findings = await RlsVerifier.VerifyAsync(postgres.CreateDatabase());
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Theory]
    [MemberData(nameof(Weaknesses))]
    public async Task Each_injected_weakness_is_found(string injection, RlsWeakness weakness, string subject)
    {
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, $"SET session_replication_role = replica; {injection};");

        var findings = await RlsVerifier.VerifyAsync(db);

        Assert.Contains(findings, f => f.Weakness == weakness && f.Subject == subject);
    }

    [Theory]
    [MemberData(nameof(TenantScopeWeakenings.All), MemberType = typeof(TenantScopeWeakenings))]
    public async Task Each_tenant_scope_weakness_past_the_guard_is_found(string role, string sql, RlsWeakness weakness, string subject, string reason)
    {
        _ = reason;
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, $"SET session_replication_role = replica; SET ROLE {role}; {sql}; RESET ROLE;");

        var findings = await RlsVerifier.VerifyAsync(db);

        Assert.True(findings.Any(f => f.Weakness == weakness && f.Subject == subject), $"expected {weakness} on {subject}; found: {string.Join("; ", findings)}");
    }

    [Theory]
    [InlineData("BYPASSRLS", "BYPASSRLS")]
    [InlineData("SUPERUSER", "SUPERUSER")]
    public async Task A_role_with_powers_over_rls_is_found(string attribute, string reported)
    {
        // Roles are cluster-wide: a uniquely named role, always removed.
        var role = $"kora_test_{attribute.ToLowerInvariant()}_{Environment.ProcessId}";
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, $"CREATE ROLE {role} {attribute}");
        try
        {
            var findings = await RlsVerifier.VerifyAsync(db);
            var finding = Assert.Single(findings);
            Assert.Equal(RlsWeakness.PrivilegedRole, finding.Weakness);
            Assert.Equal($"role {role}", finding.Subject);
            Assert.Contains(reported, finding.Detail, StringComparison.Ordinal);
            Assert.Equal("RLS006", finding.Code);
        }
        finally
        {
            ThrowawayPostgres.ExecuteOn(db, $"DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task An_application_role_that_gained_bypass_is_found_twice()
    {
        var db = postgres.CreateDatabase();
        ThrowawayPostgres.ExecuteOn(db, "ALTER ROLE kora_app BYPASSRLS");
        try
        {
            var findings = await RlsVerifier.VerifyAsync(db);
            Assert.Contains(findings, f => f.Weakness == RlsWeakness.PrivilegedRole && f.Subject == "role kora_app");
            Assert.Contains(findings, f => f.Weakness == RlsWeakness.ApplicationRoleUnsafe);
        }
        finally
        {
            ThrowawayPostgres.ExecuteOn(db, "ALTER ROLE kora_app NOBYPASSRLS");
        }
    }

    [Fact]
    public async Task An_unmigrated_database_is_not_clean_when_the_application_role_is_missing()
    {
        // The template's roles exist cluster-wide, so simulate a server where they never did by renaming.
        var db = postgres.CreateDatabase(migrated: false);
        ThrowawayPostgres.ExecuteOn(db, "ALTER ROLE kora_app RENAME TO kora_app_renamed");
        try
        {
            var findings = await RlsVerifier.VerifyAsync(db);
            Assert.Contains(findings, f => f.Weakness == RlsWeakness.ApplicationRoleUnsafe && f.Detail.Contains("does not exist", StringComparison.Ordinal));
        }
        finally
        {
            ThrowawayPostgres.ExecuteOn(db, "ALTER ROLE kora_app_renamed RENAME TO kora_app");
        }
    }
}
