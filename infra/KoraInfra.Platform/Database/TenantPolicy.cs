namespace KoraInfra.Platform.Database;

/// <summary>A PERMISSIVE policy on a tenant-scoped table, as the catalogs print it.</summary>
/// <param name="Table">The schema-qualified table.</param>
/// <param name="Name">The policy's name.</param>
/// <param name="Command">pg_policy.polcmd: <c>*</c> (ALL), <c>r</c>, <c>a</c>, <c>w</c>, <c>d</c>.</param>
/// <param name="ForEveryRole">The policy applies TO PUBLIC.</param>
/// <param name="Using">The USING expression, or null.</param>
/// <param name="WithCheck">The WITH CHECK expression, or null.</param>
public sealed record PermissivePolicy(string Table, string Name, char Command, bool ForEveryRole, string? Using, string? WithCheck)
{
    /// <summary>The subject findings about this policy carry.</summary>
    public string Subject => $"{Table} policy {Name}";
}

/// <summary>
/// What the tenant policy of a tenant-scoped table must say: the helper's predicate
/// (<c>kora_guard.protect_tenant_table</c>; since V7 the setting is read and cast once per
/// statement, as a scalar subquery), FOR ALL, TO PUBLIC, in USING and WITH CHECK, and no
/// other PERMISSIVE policy beside it (permissive policies are OR-ed, so one <c>USING (true)</c>
/// opens the table). RESTRICTIVE policies can only narrow access and are not judged here. The
/// database guard (V6) applies the same rules at commit.
/// </summary>
public static class TenantPolicy
{
    /// <summary>The name the helper gives the tenant policy; preferred when two policies are both correct.</summary>
    public const string HelperPolicyName = "tenant_isolation";

    /// <summary>
    /// The predicate as PostgreSQL prints a stored policy expression (<c>pg_get_expr</c>), with
    /// <c>%I</c> for the tenant key column: a <c>format()</c> template, so the server quotes the
    /// column exactly as it prints it.
    /// </summary>
    public const string PredicateTemplate = "(%I = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid AS current_tenant))";

    /// <summary>The predicate on <c>tenant_id</c> as a migration writes it in CREATE POLICY.</summary>
    public const string PredicateSource = "tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid AS current_tenant)";

    /// <summary>Judges the PERMISSIVE policies of one tenant-scoped table.</summary>
    /// <param name="table">The schema-qualified table.</param>
    /// <param name="expected">The predicate on the table's tenant key, as the server prints it.</param>
    /// <param name="policies">The table's PERMISSIVE policies.</param>
    public static IReadOnlyList<RlsFinding> Judge(string table, string expected, IReadOnlyList<PermissivePolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (policies.Count == 0)
        {
            return [new(RlsWeakness.NoPolicy, table, $"is tenant-scoped but has no PERMISSIVE policy; expected one FOR ALL TO PUBLIC USING and WITH CHECK {expected}")];
        }

        var findings = new List<RlsFinding>();
        var genuine = false;
        foreach (var policy in policies.OrderBy(p => p.Name != HelperPolicyName).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var problem = ContentProblem(policy, expected);
            if (problem is not null)
            {
                findings.Add(new(RlsWeakness.PolicyNotTenantPredicate, policy.Subject, $"is PERMISSIVE but not the tenant policy: {problem}"));
            }
            else if (genuine)
            {
                findings.Add(new(RlsWeakness.ExtraPermissivePolicy, policy.Subject, "is an extra PERMISSIVE policy (permissive policies are OR-ed); keep only the tenant policy, make others RESTRICTIVE or drop them"));
            }
            else
            {
                genuine = true;
            }
        }

        return findings;
    }

    // Every way the policy differs from the helper's, in one sentence; null when it does not.
    private static string? ContentProblem(PermissivePolicy policy, string expected)
    {
        var problems = new List<string>();
        if (policy.Command != '*')
        {
            problems.Add($"it is FOR {CommandName(policy.Command)} only; the tenant policy covers every command (FOR ALL)");
        }

        if (!policy.ForEveryRole)
        {
            problems.Add("it applies to chosen roles only; the tenant policy applies TO PUBLIC");
        }

        if (policy.Using != expected)
        {
            problems.Add($"USING is {policy.Using ?? "missing"}; expected {expected}");
        }

        if (policy.WithCheck is null && policy.Command is '*' or 'a' or 'w')
        {
            problems.Add($"it has no WITH CHECK; expected WITH CHECK {expected}");
        }
        else if (policy.WithCheck is not null && policy.WithCheck != expected)
        {
            problems.Add($"WITH CHECK is {policy.WithCheck}; expected {expected}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string CommandName(char command) => command switch
    {
        'r' => "SELECT",
        'a' => "INSERT",
        'w' => "UPDATE",
        'd' => "DELETE",
        _ => command.ToString(),
    };
}
