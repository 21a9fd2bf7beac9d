using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Tests.Support;

namespace KoraInfra.Platform.Tests.Settings;

/// <summary>
/// The names a choice key accepts, read by a loop over two arrays rather than a dictionary:
/// every name still means its value, only the exact spelling is accepted, and the message lists
/// the names in their order.
/// </summary>
public sealed class SettingChoicesTests
{
    private static readonly SettingChoices<ClusterMode> Modes = new(["managed", "existing"], [ClusterMode.Managed, ClusterMode.Existing]);

    [Fact]
    public void Each_name_means_the_value_beside_it()
    {
        Assert.True(Modes.Accepts("managed"));
        Assert.True(Modes.Accepts("existing"));
        Assert.Equal(ClusterMode.Managed, Modes.ValueOf("managed"));
        Assert.Equal(ClusterMode.Existing, Modes.ValueOf("existing"));
        Assert.Equal(2, Modes.Count);
        Assert.Equal(("existing", ClusterMode.Existing), (Modes.NameAt(1), Modes.ValueAt(1)));
    }

    [Theory]
    [InlineData("Managed")]
    [InlineData("MANAGED")]
    [InlineData("managed ")]
    [InlineData("manage")]
    [InlineData("")]
    public void Only_the_exact_spelling_is_accepted(string text) => Assert.False(Modes.Accepts(text));

    [Fact]
    public void The_expected_text_lists_every_name_in_order() =>
        Assert.Equal("one of 'managed', 'existing'", Modes.Expected);

    [Fact]
    public void Names_and_values_must_pair_up()
    {
        Assert.Throws<ArgumentException>(() => new SettingChoices<ClusterMode>(["managed"], [ClusterMode.Managed, ClusterMode.Existing]));
        Assert.Throws<ArgumentNullException>(() => new SettingChoices<ClusterMode>(null!, [ClusterMode.Managed]));
        Assert.Throws<ArgumentNullException>(() => new SettingChoices<ClusterMode>(["managed"], null!));
    }

    [Theory]
    [InlineData("small", SizingTier.Small)]
    [InlineData("medium", SizingTier.Medium)]
    [InlineData("large", SizingTier.Large)]
    public void Every_sizing_tier_name_binds_to_its_tier(string name, SizingTier tier)
    {
        var text = File.ReadAllText(Repository.StackFile("dev")).Replace("kora-infra:sizingTier: small", $"kora-infra:sizingTier: {name}", StringComparison.Ordinal);

        Assert.Equal(tier, StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text)).Require().SizingTier);
    }

    [Fact]
    public void A_tier_below_the_minimum_is_named_with_the_smallest_allowed()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("kora-infra:sizingTier: large", "kora-infra:sizingTier: small", StringComparison.Ordinal);

        var problem = Assert.Single(StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text)).Problems);

        Assert.Equal(("kora-infra:sizingTier", "'small', smaller than prod allows", "'large' or larger"), (problem.Key, problem.Found, problem.Expected));
    }

    [Fact]
    public void Every_level_and_channel_name_binds_to_its_value()
    {
        var levels = StackFiles.Validate(Repository.StackFile("prod")).Require().AlertReceivers.Select(r => r.Level);
        var text = File.ReadAllText(Repository.StackFile("dev")).Replace("channel: webhook\n        urlSecretName: alert-devops-webhook-url", "channel: email\n        address: devops@example.com", StringComparison.Ordinal);
        var withEmail = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.dev.yaml", text));

        Assert.Equal([EscalationLevel.Superadmin, EscalationLevel.Devops, EscalationLevel.Devops, EscalationLevel.Management], levels);

        // Read as an e-mail receiver: its address is taken, and monitoring must now say how mail is sent.
        Assert.Equal(["kora-infra:monitoring.smtp"], withEmail.Problems.Select(p => p.Key));
    }

    [Fact]
    public void A_missing_escalation_step_is_named_once_per_missing_level_in_chain_order()
    {
        var text = File.ReadAllText(Repository.StackFile("prod")).Replace("level: superadmin", "level: devops", StringComparison.Ordinal).Replace("level: management", "level: devops", StringComparison.Ordinal);

        var problems = StackSettingsBinder.Bind(StackFileReader.Read("Pulumi.prod.yaml", text)).Problems;

        Assert.Equal(["no receiver at level 'superadmin'", "no receiver at level 'management'"], problems.Select(p => p.Found));
    }
}
