namespace KoraInfra.Platform.Database;

/// <summary>The weaknesses <c>kora db verify</c> looks for; each has a stable code for pipelines.</summary>
public enum RlsWeakness
{
    /// <summary>RLS001: a table with a tenant column has row level security disabled.</summary>
    RlsNotEnabled,

    /// <summary>RLS002: RLS is enabled but not forced, so the table owner bypasses it.</summary>
    RlsNotForced,

    /// <summary>RLS003: RLS is on but no policy exists (nobody but the owner sees anything; someone will "fix" it badly).</summary>
    NoPolicy,

    /// <summary>RLS004: a policy that allows writes has no WITH CHECK, so a forged tenant_id could be written.</summary>
    PolicyWithoutWithCheck,

    /// <summary>RLS005: a policy that does not read <c>app.tenant_id</c>, so it does not isolate tenants.</summary>
    PolicyNotKeyedOnTenant,

    /// <summary>RLS006: a role other than the expected ones is SUPERUSER or BYPASSRLS.</summary>
    PrivilegedRole,

    /// <summary>RLS007: the application role owns a relation (owners can disable RLS).</summary>
    OwnedByApplication,

    /// <summary>RLS008: a view runs with its owner's rights instead of the caller's (security_invoker).</summary>
    ViewWithoutSecurityInvoker,

    /// <summary>RLS009: the application role is missing, or lost NOSUPERUSER/NOBYPASSRLS.</summary>
    ApplicationRoleUnsafe,

    /// <summary>RLS010: the guard's event triggers are missing or disabled, so a new table could skip RLS.</summary>
    GuardMissing,

    /// <summary>RLS011: a tenant-scoped table lives outside schema <c>kora</c> (moved out, or created elsewhere).</summary>
    TableOutsideTenantSchema,

    /// <summary>RLS012: a PERMISSIVE policy on a tenant-scoped table is not exactly the helper's (FOR ALL, TO PUBLIC, the tenant predicate in USING and WITH CHECK).</summary>
    PolicyNotTenantPredicate,

    /// <summary>RLS013: a second PERMISSIVE policy on a tenant-scoped table; permissive policies are OR-ed, so any extra one widens access.</summary>
    ExtraPermissivePolicy,

    /// <summary>RLS014: a table whose policy reads <c>app.tenant_id</c> has no tenant key (no <c>tenant_id</c> column, not referenced by one).</summary>
    NoTenantKey,
}

/// <summary>One weakness found on one object.</summary>
/// <param name="Weakness">What is wrong.</param>
/// <param name="Subject">The table, view, policy or role, schema-qualified where it applies.</param>
/// <param name="Detail">Why it matters and what would be right.</param>
public sealed record RlsFinding(RlsWeakness Weakness, string Subject, string Detail)
{
    /// <summary>The stable code of the weakness (<c>RLS001</c>...).</summary>
    public string Code => $"RLS{(int)Weakness + 1:000}";

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Subject}: {Detail}";
}
