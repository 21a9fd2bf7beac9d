using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

public sealed class PromotionSettingsTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_committed_gated_stacks_share_one_audit_log_and_a_72_hour_window(string stack)
    {
        var settings = StackFiles.Validate(Repository.StackFile(stack)).Require();

        Assert.Equal(new PromotionSettings("audit/deploy-audit.jsonl", TimeSpan.FromHours(72)), settings.Promotion);
    }

    [Fact]
    public void Dev_has_none_and_refuses_the_key()
    {
        var dev = File.ReadAllText(Repository.StackFile("dev"));
        Assert.Null(StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", dev)).Require().Promotion);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", dev.Replace("config:\n", "config:\n  kora-infra:promotion:\n    auditLog: audit/x.jsonl\n    approvalWindowHours: 1\n", StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("kora-infra:promotion", problem.Key);
        Assert.Contains("only staging and prod are promoted into", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  kora-infra:promotion:\n    auditLog: audit/deploy-audit.jsonl\n    approvalWindowHours: 72\n", "", "kora-infra:promotion", "missing")]
    [InlineData("auditLog: audit/deploy-audit.jsonl", "auditLog: ../elsewhere/deploy-audit.jsonl", "kora-infra:promotion.auditLog", "inside the project")]
    [InlineData("auditLog: audit/deploy-audit.jsonl", "auditLog: /var/log/deploy-audit.jsonl", "kora-infra:promotion.auditLog", "inside the project")]
    [InlineData("approvalWindowHours: 72", "approvalWindowHours: 0", "kora-infra:promotion.approvalWindowHours", "from 1 to 720")]
    [InlineData("approvalWindowHours: 72", "approvalWindowHours: 9000", "kora-infra:promotion.approvalWindowHours", "from 1 to 720")]
    [InlineData("approvalWindowHours: 72", "approvalWindowHours: 72\n    approvalWindowDays: 3", "kora-infra:promotion.approvalWindowDays", "unknown key")]
    public void A_wrong_promotion_setting_is_named_with_what_would_be_right(string find, string replacement, string key, string fragment)
    {
        var prod = File.ReadAllText(Repository.StackFile("prod"));
        Assert.Contains(find, prod, StringComparison.Ordinal);

        var result = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", prod.Replace(find, replacement, StringComparison.Ordinal)));

        var problem = Assert.Single(result.Problems, p => p.Key == key);
        Assert.Contains(fragment, problem.ToString(), StringComparison.Ordinal);
    }
}
