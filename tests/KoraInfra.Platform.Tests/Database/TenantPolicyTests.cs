using KoraInfra.Platform.Database;

namespace KoraInfra.Platform.Tests.Database;

/// <summary>The rules for the PERMISSIVE policies of a tenant-scoped table, without a database.</summary>
public sealed class TenantPolicyTests
{
    private const string Table = "kora.contacts";
    private const string Expected = "(tenant_id = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid AS current_tenant))";

    private static PermissivePolicy Helper(string name = TenantPolicy.HelperPolicyName) => new(Table, name, '*', true, Expected, Expected);

    [Fact]
    public void The_helpers_policy_alone_is_sound() => Assert.Empty(TenantPolicy.Judge(Table, Expected, [Helper()]));

    [Fact]
    public void No_permissive_policy_is_reported_on_the_table()
    {
        var finding = Assert.Single(TenantPolicy.Judge(Table, Expected, []));
        Assert.Equal((RlsWeakness.NoPolicy, Table, "RLS003"), (finding.Weakness, finding.Subject, finding.Code));
    }

    public static TheoryData<PermissivePolicy, string> Wrong => new()
    {
        { Helper() with { Using = "true" }, "USING is true" },
        { Helper() with { Using = null }, "USING is missing" },
        { Helper() with { WithCheck = null }, "no WITH CHECK" },
        { Helper() with { WithCheck = "true" }, "WITH CHECK is true" },
        { Helper() with { Command = 'r', WithCheck = null }, "FOR SELECT only" },
        { Helper() with { Command = 'a' }, "FOR INSERT only" },
        { Helper() with { ForEveryRole = false }, "chosen roles only" },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_policy_that_says_anything_else_is_named(PermissivePolicy policy, string problem)
    {
        var finding = Assert.Single(TenantPolicy.Judge(Table, Expected, [policy]));
        Assert.Equal(RlsWeakness.PolicyNotTenantPredicate, finding.Weakness);
        Assert.Equal("RLS012", finding.Code);
        Assert.Equal("kora.contacts policy tenant_isolation", finding.Subject);
        Assert.Contains(problem, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_correct_policy_is_an_extra_and_the_helpers_is_the_genuine_one()
    {
        // "a_copy" sorts before "tenant_isolation", yet the helper's name wins.
        var finding = Assert.Single(TenantPolicy.Judge(Table, Expected, [Helper("a_copy"), Helper()]));
        Assert.Equal((RlsWeakness.ExtraPermissivePolicy, "kora.contacts policy a_copy", "RLS013"), (finding.Weakness, finding.Subject, finding.Code));
    }

    [Fact]
    public void A_wrong_policy_beside_the_helpers_is_reported_alone()
    {
        var finding = Assert.Single(TenantPolicy.Judge(Table, Expected, [Helper(), Helper("everyone") with { Using = "true", WithCheck = "true" }]));
        Assert.Equal((RlsWeakness.PolicyNotTenantPredicate, "kora.contacts policy everyone"), (finding.Weakness, finding.Subject));
    }
}
