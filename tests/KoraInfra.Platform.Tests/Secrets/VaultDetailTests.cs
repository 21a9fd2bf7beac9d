using KoraInfra.Platform.Secrets;
using Microsoft.Extensions.Time.Testing;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Secrets;

/// <summary>
/// The vault settings no environment varies but every one relies on: Azure services may pass the
/// firewall (the diagnostic setting writes through it), the audit trail's setting name, and the
/// stack key's size and the action Key Vault takes before it expires.
/// </summary>
public sealed class VaultDetailTests
{
    private static SecretsPlan Plan(string stack) => SecretsPlan.For(Committed(stack), new FakeTimeProvider(Utc(2026, 11, 29)));

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_vault_lets_azure_services_through_and_sends_its_audit_events_by_one_named_setting(string stack)
    {
        var vault = Plan(stack).Vault;

        Assert.True(vault.BypassAzureServices);
        Assert.Equal("audit-to-log-analytics", vault.DiagnosticSettingName);
        Assert.Equal(90, VaultPlan.MaximumSoftDeleteRetentionDays);
    }

    [Fact]
    public void The_stack_key_is_rsa_3072_and_notifies_rather_than_rotating()
    {
        var key = Plan("prod").StackKey;

        Assert.Equal(3072, key.KeySize);
        Assert.True(key.HsmProtected);
        Assert.False(Plan("dev").StackKey.HsmProtected);
        Assert.Equal(90, key.ExpiresAfterDays);
        Assert.Equal(30, key.ActionDaysBeforeExpiry);
        Assert.Equal("the stack's data key is wrapped with one key version; rotation re-wraps it (pulumi stack change-secrets-provider), so Key Vault notifies instead of rotating behind Pulumi's back", key.Reason);
    }
}
