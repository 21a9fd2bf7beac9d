using KoraInfra.Platform.Secrets;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

public sealed class VaultAndAccessPlanTests
{
    private static SecretsPlan Plan(string stack) => SecretsPlan.For(Committed(stack), new FakeTimeProvider(Utc(2026, 11, 29)));

    [Theory]
    [InlineData("dev", "kv-kora-dev-brs", false, true, NetworkDefaultAction.Allow, VaultSku.Standard)]
    [InlineData("staging", "kv-kora-staging-brs", true, false, NetworkDefaultAction.Deny, VaultSku.Standard)]
    [InlineData("prod", "kv-kora-prod-brs", true, false, NetworkDefaultAction.Deny, VaultSku.Premium)]
    public void Each_environment_gets_its_own_vault_hardened_for_it(string stack, string name, bool purgeProtection, bool publicAccess, NetworkDefaultAction defaultAction, VaultSku sku)
    {
        var vault = Plan(stack).Vault;

        Assert.Equal(name, vault.Name);
        Assert.True(vault.RbacAuthorization);
        Assert.True(vault.SoftDelete);
        Assert.Equal(90, vault.SoftDeleteRetentionDays);
        Assert.Equal(purgeProtection, vault.PurgeProtection);
        Assert.Equal(purgeProtection ? true : null, vault.PurgeProtectionInput);
        Assert.Equal(publicAccess, vault.PublicNetworkAccess);
        Assert.Equal(publicAccess ? "Enabled" : "Disabled", vault.PublicNetworkAccessValue);
        Assert.Equal(defaultAction, vault.DefaultAction);
        Assert.Equal(sku, vault.Sku);
        Assert.Equal(["AuditEvent"], vault.AuditLogCategories);
    }

    [Theory]
    [InlineData("dev", "RSA")]
    [InlineData("prod", "RSA-HSM")]
    public void The_stack_secrets_key_notifies_thirty_days_before_its_ninety_day_expiry(string stack, string keyType)
    {
        var key = Plan(stack).StackKey;

        Assert.Equal("pulumi-stack-secrets", key.Name);
        Assert.Equal(keyType, key.KeyType);
        Assert.Equal("P90D", key.ExpiryTime);
        Assert.Equal("P30D", key.TimeBeforeExpiry);
        Assert.Equal(KeyLifetimeAction.Notify, key.Action);
        Assert.Equal(["encrypt", "decrypt"], key.Operations);
        Assert.Contains("change-secrets-provider", key.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_workload_runs_as_its_own_identity_the_runtime_as_the_foundations_platform_identity()
    {
        var identities = Plan("prod").Identities;

        Assert.Equal(
            ["id-kora-prod-brs-n8n", "id-kora-prod-brs-migration", "id-kora-prod-brs-platform", "id-kora-prod-brs-responder"],
            identities.Select(i => i.ResourceName));
        var runtime = Assert.Single(identities, i => i.DeclaredByFoundation);
        Assert.Equal(Workload.PlatformRuntime, runtime.Workload);
        Assert.Equal(KoraInfra.Platform.Foundation.FoundationPlan.For(Committed("prod")).PlatformIdentityName, runtime.ResourceName);
    }

    [Fact]
    public void Each_workload_reads_exactly_its_secrets_each_grant_scoped_to_one_secret()
    {
        var grants = Plan("prod").Grants.Where(g => g.Grantee.Kind == GranteeKind.WorkloadIdentity).ToList();

        Assert.All(grants, g =>
        {
            Assert.Equal(KeyVaultRole.SecretsUser, g.Role);
            Assert.False(g.AtVaultScope);
        });
        string[] Reads(Workload w) => grants.Where(g => g.Grantee.Workload == w).Select(g => g.SecretName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["n8n-encryption-key", "n8n-owner-password", "postgres-n8n-password", "redis-access-key"], Reads(Workload.N8n));
        Assert.Equal(["postgres-migrator-password"], Reads(Workload.MigrationJob));
        Assert.Equal(
            ["alert-devops-pager-url", "alert-devops-webhook-url", "alert-management-webhook-url", "alert-superadmin-webhook-url", "postgres-app-password", "redis-access-key", "responder-webhook-token"],
            Reads(Workload.PlatformRuntime));
        Assert.Equal(["responder-api-token", "responder-db-password", "responder-webhook-token"], Reads(Workload.Responder));
    }

    [Fact]
    public void Only_the_devops_and_security_groups_hold_vault_wide_roles()
    {
        var settings = Committed("prod");

        var vaultWide = Plan("prod").Grants.Where(g => g.AtVaultScope).ToList();

        Assert.Equal(2, vaultWide.Count);
        var devops = Assert.Single(vaultWide, g => g.Grantee.Name == "devops");
        Assert.Equal(KeyVaultRole.Administrator, devops.Role);
        Assert.Equal(settings.Secrets.AccessGroups.DevopsGroupObjectId, devops.Grantee.GroupObjectId);
        var security = Assert.Single(vaultWide, g => g.Grantee.Name == "security");
        Assert.Equal(KeyVaultRole.SecretsOfficer, security.Role);
        Assert.Equal(settings.Secrets.AccessGroups.SecurityGroupObjectId, security.Grantee.GroupObjectId);
    }

    [Fact]
    public void The_built_in_role_ids_are_azures()
    {
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", KeyVaultRole.SecretsUser.DefinitionId.ToString());
        Assert.Equal("00482a5a-887f-4fb3-b363-3b7fe8e74483", KeyVaultRole.Administrator.DefinitionId.ToString());
        Assert.Equal("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", KeyVaultRole.SecretsOfficer.DefinitionId.ToString());
        Assert.Equal(
            "/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
            KeyVaultRole.SecretsUser.DefinitionResourceId("sub-1"));
    }

    [Fact]
    public void Grant_names_are_unique_so_each_becomes_one_resource()
    {
        var names = Plan("prod").Grants.Select(g => g.LogicalName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
