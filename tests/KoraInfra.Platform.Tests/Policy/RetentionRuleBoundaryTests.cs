using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// KORA-023 (backup retention) and KORA-011 (soft-delete retention) compare the value the
/// snapshot holds, whatever its numeric shape: each message names the value read, so a value read
/// as unset cannot pass for a value that is too small.
/// </summary>
public sealed class RetentionRuleBoundaryTests
{
    private const string Postgres = "azure-native:dbforpostgresql:Server";
    private const string Vault = "azure-native:keyvault:Vault";

    public static TheoryData<string> Shapes => new(NumberShapes.All);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Seven_days_of_backups_in_prod_fail_and_name_the_seven(string shape)
    {
        var messages = Violations("prod", "KORA-023", Postgres, "backup.backupRetentionDays", NumberShapes.Of(shape, 7));

        Assert.Equal(["backup.backupRetentionDays is 7; expected at least 35"], messages);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backups_in_prod_pass_at_35_and_fail_at_34(string shape)
    {
        Assert.Empty(Violations("prod", "KORA-023", Postgres, "backup.backupRetentionDays", NumberShapes.Of(shape, 35)));
        Assert.Empty(Violations("prod", "KORA-023", Postgres, "backup.backupRetentionDays", NumberShapes.Of(shape, 36)));
        Assert.Equal(
            ["backup.backupRetentionDays is 34; expected at least 35"],
            Violations("prod", "KORA-023", Postgres, "backup.backupRetentionDays", NumberShapes.Of(shape, 34)));
    }

    [Theory]
    [InlineData("dev", "int")]
    [InlineData("dev", "parsed JSON text")]
    [InlineData("staging", "long")]
    [InlineData("staging", "decimal")]
    public void Backups_outside_prod_pass_at_7_and_fail_at_6(string stack, string shape)
    {
        Assert.Empty(Violations(stack, "KORA-023", Postgres, "backup.backupRetentionDays", NumberShapes.Of(shape, 7)));
        Assert.Equal(
            ["backup.backupRetentionDays is 6; expected at least 7"],
            Violations(stack, "KORA-023", Postgres, "backup.backupRetentionDays", NumberShapes.Of(shape, 6)));
    }

    [Fact]
    public void Backups_without_a_retention_fail_as_unset()
    {
        Assert.Equal(
            ["backup.backupRetentionDays is unset; expected at least 35"],
            Violations("prod", "KORA-023", Postgres, "backup.backupRetentionDays", null));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_seven_day_soft_delete_in_prod_fails_and_names_the_seven(string shape)
    {
        var messages = Violations("prod", "KORA-011", Vault, "properties.softDeleteRetentionInDays", NumberShapes.Of(shape, 7));

        Assert.Equal(["properties.softDeleteRetentionInDays is 7; expected 90"], messages);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Soft_delete_passes_at_exactly_90_and_fails_at_89_and_91(string shape)
    {
        Assert.Empty(Violations("prod", "KORA-011", Vault, "properties.softDeleteRetentionInDays", NumberShapes.Of(shape, 90)));
        Assert.Equal(
            ["properties.softDeleteRetentionInDays is 89; expected 90"],
            Violations("prod", "KORA-011", Vault, "properties.softDeleteRetentionInDays", NumberShapes.Of(shape, 89)));
        Assert.Equal(
            ["properties.softDeleteRetentionInDays is 91; expected 90"],
            Violations("prod", "KORA-011", Vault, "properties.softDeleteRetentionInDays", NumberShapes.Of(shape, 91)));
    }

    [Fact]
    public void Soft_delete_switched_off_fails_on_its_own()
    {
        var compliant = new CompliantPlatform("prod").Set(Vault, "properties.enableSoftDelete", false);

        Assert.Equal(["properties.enableSoftDelete is false"], Messages(compliant, "KORA-011"));
    }

    [Fact]
    public void Soft_delete_without_a_retention_fails_as_not_set()
    {
        Assert.Equal(
            ["properties.softDeleteRetentionInDays is not set; expected 90"],
            Violations("prod", "KORA-011", Vault, "properties.softDeleteRetentionInDays", null));
    }

    private static string[] Violations(string stack, string ruleId, string type, string path, JsonNode? value) =>
        Messages(new CompliantPlatform(stack).Set(type, path, value), ruleId);

    private static string[] Messages(CompliantPlatform platform, string ruleId)
    {
        var evaluation = PolicyEngine.Evaluate(platform.Snapshot(), CompliantPlatform.Now, [PolicyRules.Find(ruleId)!]);
        Assert.Empty(evaluation.Errors);
        return evaluation.Violations.Select(v => v.Message).ToArray();
    }
}
